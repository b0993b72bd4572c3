package io.polaroid.catalog;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;

/** Reads whole scans into Java rows for assertions. */
final class ScanResults {
    private ScanResults() {
    }

    /** Every row of every split of {@code plan}, split by split, as Java values (Text becomes String). */
    static List<List<Object>> rows(ScanPlan plan, BufferAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScanSplit split : plan.splits()) {
            try (BatchSource source = split.open(allocator)) {
                for (Batch batch = source.next(); batch != null; batch = source.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        List<Object> row = new ArrayList<>(batch.columnCount());
                        for (FieldVector column : batch.columns()) {
                            Object value = column.getObject(r);
                            row.add(value instanceof Text text ? text.toString() : value);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** Plans, reads and closes a scan of {@code columns} of {@code snapshot}. */
    static List<List<Object>> scan(DatasetSnapshot snapshot, BufferAllocator allocator, List<String> columns,
                                   ColumnPredicate... predicates) {
        try (ScanPlan plan = snapshot.planScan(new ScanRequest(columns, List.of(predicates), 1000))) {
            return rows(plan, allocator);
        }
    }

    /** The values of one column of {@code rows}. */
    static List<Object> column(List<List<Object>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }
}
