package io.polaroid.parquet.compress;

/**
 * Decompresses one page. Instances may keep scratch state and are used by one thread.
 */
public interface PageDecompressor {

    /**
     * Decompresses {@code input[inputOffset..+inputLength)} into {@code output[0..uncompressedLength)}.
     *
     * @throws io.polaroid.parquet.format.CorruptDataException if the input is not valid for the codec or does
     *         not decompress to exactly {@code uncompressedLength} bytes
     */
    void decompress(byte[] input, int inputOffset, int inputLength, byte[] output, int uncompressedLength);

    /**
     * Whether {@code input[inputOffset..+inputLength)} can plausibly decompress to {@code uncompressedLength}
     * bytes, checked before the output buffer is allocated so that a corrupt page header cannot make the
     * reader allocate gigabytes. Codecs that record their output size (Snappy, GZIP, Zstd frames) compare it.
     */
    boolean plausibleSize(byte[] input, int inputOffset, int inputLength, int uncompressedLength);
}
