package io.polaroid.parquet.compress;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.polaroid.parquet.format.CorruptDataException;
import java.util.Optional;
import org.apache.parquet.format.CompressionCodec;

/** The decompressor for each codec Polaroid reads. */
public final class Decompressors {
    /** Upper bound of a page whose codec does not record its decompressed size. */
    static final int MAX_UNVERIFIED_PAGE_SIZE = 256 << 20;
    /** LZ4 cannot expand input by more than this factor (a 255-byte match per input byte, plus slack). */
    private static final long LZ4_MAX_RATIO = 256;

    private Decompressors() {
    }

    /** A new decompressor for {@code codec}, or empty if Polaroid cannot read it (BROTLI, LZO). */
    public static Optional<PageDecompressor> forCodec(CompressionCodec codec) {
        return Optional.ofNullable(switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new Block(new SnappyDecompressor()) {
                @Override
                public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
                    return length > 0 && SnappyDecompressor.getUncompressedLength(input, offset) == uncompressedLength;
                }
            };
            case ZSTD -> new Block(new ZstdDecompressor()) {
                @Override
                public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
                    long declared = ZstdDecompressor.getDecompressedSize(input, offset, length);
                    return declared >= 0 ? declared <= uncompressedLength
                            : uncompressedLength <= MAX_UNVERIFIED_PAGE_SIZE;
                }
            };
            case GZIP -> new GzipDecompressor();
            case LZ4 -> new HadoopLz4Decompressor();
            case LZ4_RAW -> new Block(new Lz4Decompressor()) {
                @Override
                public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
                    return lz4Plausible(length, uncompressedLength);
                }
            };
            default -> null;
        });
    }

    static boolean lz4Plausible(int compressedLength, int uncompressedLength) {
        return uncompressedLength <= compressedLength * LZ4_MAX_RATIO + 64;
    }

    private static final class Uncompressed implements PageDecompressor {
        @Override
        public void decompress(byte[] input, int offset, int length, byte[] output, int uncompressedLength) {
            System.arraycopy(input, offset, output, 0, length);
        }

        @Override
        public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
            return length == uncompressedLength;
        }
    }

    /** A codec whose page is one block of the airlift format. */
    private abstract static class Block implements PageDecompressor {
        private final Decompressor decompressor;

        Block(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        public void decompress(byte[] input, int offset, int length, byte[] output, int uncompressedLength) {
            int written = decompressor.decompress(input, offset, length, output, 0, uncompressedLength);
            CorruptDataException.check(written == uncompressedLength,
                    "page decompressed to " + written + " bytes instead of " + uncompressedLength);
        }
    }
}
