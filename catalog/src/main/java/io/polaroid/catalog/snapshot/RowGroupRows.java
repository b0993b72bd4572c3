package io.polaroid.catalog.snapshot;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.parquet.RowGroupInfo;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Batches without columns that only carry row counts, taken from the footer: what a scan of a file needs
 * when no column is read from it ({@code COUNT(*)}, or only partition columns).
 */
final class RowGroupRows implements BatchSource {
    private static final Schema NO_COLUMNS = new Schema(List.of());

    private final long[] rowCounts;
    private final int batchRows;
    private int group;
    private long emittedInGroup;

    RowGroupRows(List<RowGroupInfo> rowGroups, int batchRows) {
        this.rowCounts = rowGroups.stream().mapToLong(RowGroupInfo::rowCount).toArray();
        this.batchRows = batchRows;
    }

    @Override
    public Schema schema() {
        return NO_COLUMNS;
    }

    @Override
    public Batch next() {
        while (group < rowCounts.length && emittedInGroup >= rowCounts[group]) {
            group++;
            emittedInGroup = 0;
        }
        if (group >= rowCounts.length) {
            return null;
        }
        int rows = (int) Math.min(batchRows, rowCounts[group] - emittedInGroup);
        emittedInGroup += rows;
        return new Batch(List.of(), rows);
    }

    @Override
    public void close() {
        group = rowCounts.length;
    }
}
