package io.polaroid.parquet.compress;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.polaroid.parquet.format.CorruptDataException;

/**
 * The deprecated LZ4 codec. parquet-java wrote it with Hadoop's block framing (big-endian uncompressed
 * size, then big-endian sized compressed blocks); other writers wrote bare LZ4 blocks. Like Arrow C++,
 * try the framing first and fall back to a bare block.
 */
final class HadoopLz4Decompressor implements PageDecompressor {
    private final Lz4Decompressor lz4 = new Lz4Decompressor();

    @Override
    public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
        return Decompressors.lz4Plausible(length, uncompressedLength);
    }

    @Override
    public void decompress(byte[] input, int offset, int length, byte[] output, int uncompressedLength) {
        if (tryHadoopFrames(input, offset, length, output, uncompressedLength)) {
            return;
        }
        int written;
        try {
            written = lz4.decompress(input, offset, length, output, 0, uncompressedLength);
        } catch (MalformedInputException e) {
            throw new CorruptDataException("invalid LZ4 page: " + e.getMessage());
        }
        CorruptDataException.check(written == uncompressedLength,
                "LZ4 page decompressed to " + written + " bytes instead of " + uncompressedLength);
    }

    private boolean tryHadoopFrames(byte[] input, int offset, int length, byte[] output, int uncompressedLength) {
        int in = offset;
        int end = offset + length;
        int out = 0;
        while (in < end) {
            if (end - in < 8) {
                return false;
            }
            int frameSize = bigEndianInt(input, in);
            in += 4;
            if (frameSize < 0 || frameSize > uncompressedLength - out) {
                return false;
            }
            int frameEnd = out + frameSize;
            while (out < frameEnd) {
                if (end - in < 4) {
                    return false;
                }
                int blockSize = bigEndianInt(input, in);
                in += 4;
                if (blockSize <= 0 || blockSize > end - in) {
                    return false;
                }
                try {
                    out += lz4.decompress(input, in, blockSize, output, out, frameEnd - out);
                } catch (MalformedInputException | IndexOutOfBoundsException e) {
                    return false;
                }
                in += blockSize;
            }
            if (out != frameEnd) {
                return false;
            }
        }
        return out == uncompressedLength;
    }

    private static int bigEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }
}
