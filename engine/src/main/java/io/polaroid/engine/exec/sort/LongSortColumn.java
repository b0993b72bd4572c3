package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** Integer-like, boolean and floating-point sort columns as sortable {@code long}s (floats via {@link ColumnValues#sortableBits}). */
final class LongSortColumn extends SortKeyColumn {
    private final boolean floating;
    private long[] values = new long[0];
    private double[] doubles = new double[0];

    LongSortColumn(MemoryReservation memory, boolean floating) {
        super(memory, 8);
        this.floating = floating;
    }

    @Override
    protected void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected void loadRange(FieldVector vector, int from, int count, int at) {
        if (!floating) {
            ColumnValues.readLongs(vector, from, count, values, at);
            return;
        }
        if (doubles.length < count) {
            doubles = new double[Math.max(count, 1024)];
        }
        ColumnValues.readDoubles(vector, from, count, doubles, 0);
        for (int i = 0; i < count; i++) {
            values[at + i] = ColumnValues.sortableBits(doubles[i]);
        }
    }

    @Override
    int compareValues(int a, int b) {
        return Long.compare(values[a], values[b]);
    }

    @Override
    long prefix(int row) {
        return values[row];
    }

    @Override
    boolean exactPrefix() {
        return true;
    }
}
