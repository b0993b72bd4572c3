package io.polaroid.parquet;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * What to read from one file.
 *
 * @param columns   top-level fields to read, matched by exact file column name; each field's type is the
 *                  Arrow type to produce: the file's own type or a widening allowed by {@link ParquetTypes#widen}
 * @param rowGroups indexes of the row groups to read, in the order to read them
 * @param batchRows the most rows one batch holds
 */
public record ParquetReadRequest(List<Field> columns, List<Integer> rowGroups, int batchRows) {
    public ParquetReadRequest {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        rowGroups = List.copyOf(Objects.requireNonNull(rowGroups, "rowGroups"));
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
        }
    }
}
