package io.polaroid.parquet.format;

import java.util.List;

/** One row group's row count and column chunks, in leaf-column order. */
public record RowGroupMeta(int index, long rowCount, long compressedBytes, List<ColumnChunkMeta> columns) {
    public RowGroupMeta {
        columns = List.copyOf(columns);
    }
}
