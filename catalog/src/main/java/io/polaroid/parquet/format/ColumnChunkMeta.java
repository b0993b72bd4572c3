package io.polaroid.parquet.format;

import io.polaroid.parquet.schema.LeafColumn;
import java.util.Objects;
import org.apache.parquet.format.CompressionCodec;

/**
 * Where one column chunk lives and how it is compressed, validated against the file's size.
 *
 * @param column      the leaf column it stores
 * @param codec       compression of its pages
 * @param start       file offset of its first page (the dictionary page when there is one)
 * @param length      bytes from {@code start} to the end of its last page
 * @param valueCount  level entries (values and nulls) in the chunk
 */
public record ColumnChunkMeta(LeafColumn column, CompressionCodec codec, long start, long length, long valueCount) {
    public ColumnChunkMeta {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(codec, "codec");
    }
}
