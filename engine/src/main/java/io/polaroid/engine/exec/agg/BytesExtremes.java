package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link Extremes} of Utf8/Binary columns by unsigned bytes. Each batch is first reduced to its best row
 * per group (comparing rows in place), and only that row is compared with, and maybe copied over, the
 * group's retained bytes — so copies happen at most once per group and batch.
 */
final class BytesExtremes extends Extremes {
    private final BytesGroupValues best;
    private final ChangeLog batchBest = new ChangeLog();

    BytesExtremes(boolean max, MemoryReservation memory) {
        super(max);
        this.best = new BytesGroupValues(memory);
    }

    @Override
    long bytesPerGroup() {
        return best.bytesPerGroup() + ChangeLog.BYTES_PER_GROUP;
    }

    @Override
    void grow(int capacity) {
        best.grow(capacity);
        batchBest.grow(capacity);
    }

    @Override
    void offer(FieldVector column, int rowCount, int[] groups, int[] rows, int count, ChangeLog changes) {
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        ArrowBuf offsets = column.getOffsetBuffer();
        ArrowBuf data = column.getDataBuffer();
        batchBest.start(count);
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            if (nulls && ColumnValues.isNull(validity, row)) {
                continue;
            }
            int group = groups[row];
            int current = batchBest.rowFor(group);
            if (current < 0 || better(compare(offsets, data, row, current))) {
                batchBest.record(group, row);
            }
        }
        for (int i = 0; i < batchBest.size(); i++) {
            int group = batchBest.group(i);
            int row = batchBest.row(i);
            int start = offsets.getInt((long) row << 2);
            int end = offsets.getInt(((long) row + 1) << 2);
            byte[] stored = best.get(group);
            if (stored == null || better(ByteFunctionHelpers.compare(data, start, end, stored, 0, stored.length))) {
                best.set(group, data, start, end - start);
                if (changes != null) {
                    changes.record(group, row);
                }
            }
        }
    }

    private boolean better(int comparison) {
        return max ? comparison > 0 : comparison < 0;
    }

    private static int compare(ArrowBuf offsets, ArrowBuf data, int a, int b) {
        int startA = offsets.getInt((long) a << 2);
        int endA = offsets.getInt(((long) a + 1) << 2);
        int startB = offsets.getInt((long) b << 2);
        int endB = offsets.getInt(((long) b + 1) << 2);
        return ByteFunctionHelpers.compare(data, startA, endA, data, startB, endB);
    }

    @Override
    void write(int from, int count, FieldVector target, String description) {
        best.write(from, count, target);
    }

    @Override
    public void close() {
        best.close();
    }
}
