package io.polaroid.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What a query wants from a dataset.
 *
 * @param columns    dataset column names (exact), in the order the batches should hold them; may repeat
 * @param predicates a conjunction used only to skip data that cannot match; rows are still filtered by the caller
 * @param batchRows  the most rows per batch read from files (batches of a dataset in memory keep their size)
 */
public record ScanRequest(List<String> columns, List<ColumnPredicate> predicates, int batchRows) {
    public ScanRequest {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates"));
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
        }
    }
}
