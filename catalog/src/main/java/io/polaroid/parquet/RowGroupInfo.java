package io.polaroid.parquet;

import java.util.Map;
import java.util.Objects;

/**
 * What the footer says about one row group: its position in the file, its size and the statistics of its
 * top-level primitive columns (keyed by column name; a column without usable statistics is absent).
 */
public record RowGroupInfo(int index, long rowCount, long compressedBytes, Map<String, ColumnStatistics> statistics) {
    public RowGroupInfo {
        if (index < 0 || rowCount < 0) {
            throw new IllegalArgumentException("negative row group index or row count");
        }
        statistics = Map.copyOf(Objects.requireNonNull(statistics, "statistics"));
    }
}
