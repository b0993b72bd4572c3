package io.polaroid.parquet.read;

import org.apache.parquet.format.CompressionCodec;

/** A column chunk is compressed with a codec Polaroid does not read (BROTLI, LZO). */
public final class UnsupportedCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CompressionCodec codec;

    public UnsupportedCodecException(CompressionCodec codec) {
        super("compression codec " + codec + " is not supported (Polaroid reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD, "
                + "LZ4 and LZ4_RAW)", null, false, false);
        this.codec = codec;
    }

    public CompressionCodec codec() {
        return codec;
    }
}
