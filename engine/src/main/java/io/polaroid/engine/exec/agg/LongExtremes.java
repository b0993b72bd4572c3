package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnValues;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** {@link Extremes} of integer-like, boolean and floating-point columns as sortable {@code long}s. */
final class LongExtremes extends Extremes {
    private final boolean floating;
    private long[] best = new long[0];
    private boolean[] seen = new boolean[0];
    private long[] values = new long[0];
    private double[] doubles = new double[0];

    LongExtremes(boolean max, boolean floating) {
        super(max);
        this.floating = floating;
    }

    @Override
    long bytesPerGroup() {
        return 9;
    }

    @Override
    void grow(int capacity) {
        best = Arrays.copyOf(best, capacity);
        seen = Arrays.copyOf(seen, capacity);
    }

    @Override
    void offer(FieldVector column, int rowCount, int[] groups, int[] rows, int count, ChangeLog changes) {
        read(column, rowCount);
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        long[] best = this.best;
        boolean[] seen = this.seen;
        long[] values = this.values;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            if (nulls && ColumnValues.isNull(validity, row)) {
                continue;
            }
            int group = groups[row];
            long value = values[row];
            if (!seen[group] || (max ? value > best[group] : value < best[group])) {
                best[group] = value;
                seen[group] = true;
                if (changes != null) {
                    changes.record(group, row);
                }
            }
        }
    }

    private void read(FieldVector column, int rowCount) {
        if (values.length < rowCount) {
            values = new long[rowCount];
        }
        if (!floating) {
            ColumnValues.readLongs(column, rowCount, values);
            return;
        }
        if (doubles.length < rowCount) {
            doubles = new double[rowCount];
        }
        ColumnValues.readDoubles(column, rowCount, doubles);
        for (int i = 0; i < rowCount; i++) {
            values[i] = ColumnValues.sortableBits(doubles[i]);
        }
    }

    @Override
    void write(int from, int count, FieldVector target, String description) {
        ResultWriter.prepare(target, count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (!seen[group]) {
                ResultWriter.setNull(target, i);
            } else if (floating) {
                ResultWriter.setDouble(target, i, ColumnValues.fromSortableBits(best[group]), description);
            } else {
                ResultWriter.setLong(target, i, best[group], description);
            }
        }
    }
}
