package io.polaroid.parquet.write;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.polaroid.parquet.ParquetCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;

/** Compresses pages with one {@link ParquetCodec}, into a buffer it reuses. */
final class PageCompressor {
    private final ParquetCodec codec;
    private final Compressor compressor;
    private final ByteSink output = new ByteSink(64 * 1024);

    PageCompressor(ParquetCodec codec) {
        this.codec = codec;
        this.compressor = switch (codec) {
            case SNAPPY -> new SnappyCompressor();
            case ZSTD -> new ZstdCompressor();
            case LZ4_RAW -> new Lz4Compressor();
            default -> null;
        };
    }

    CompressionCodec thriftCodec() {
        return switch (codec) {
            case UNCOMPRESSED -> CompressionCodec.UNCOMPRESSED;
            case SNAPPY -> CompressionCodec.SNAPPY;
            case GZIP -> CompressionCodec.GZIP;
            case ZSTD -> CompressionCodec.ZSTD;
            case LZ4_RAW -> CompressionCodec.LZ4_RAW;
        };
    }

    /** The compressed form of {@code input[0..length)}, valid until the next call. */
    ByteSink compress(byte[] input, int length) {
        output.reset();
        switch (codec) {
            case UNCOMPRESSED -> output.write(input, 0, length);
            case GZIP -> {
                try (GZIPOutputStream gzip = new GZIPOutputStream(output, 64 * 1024)) {
                    gzip.write(input, 0, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> {
                int max = compressor.maxCompressedLength(length);
                int at = output.reserve(max);
                int written = compressor.compress(input, 0, length, output.array(), at, max);
                output.reset();
                output.reserve(written);
            }
        }
        return output;
    }
}
