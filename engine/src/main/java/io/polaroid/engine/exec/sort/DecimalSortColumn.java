package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** Decimal sort columns as 128-bit two's complement (high, low) pairs; the prefix is the value clamped to a long. */
final class DecimalSortColumn extends SortKeyColumn {
    private long[] low = new long[0];
    private long[] high = new long[0];
    private boolean allFitLong = true;

    DecimalSortColumn(MemoryReservation memory) {
        super(memory, 16);
    }

    @Override
    protected void grow(int capacity) {
        low = Arrays.copyOf(low, capacity);
        high = Arrays.copyOf(high, capacity);
    }

    @Override
    protected void loadRange(FieldVector vector, int from, int count, int at) {
        ColumnValues.readDecimals(vector, from, count, low, high, at);
        for (int i = at; i < at + count; i++) {
            if (high[i] != low[i] >> 63) {
                allFitLong = false;
            }
        }
    }

    @Override
    int compareValues(int a, int b) {
        int c = Long.compare(high[a], high[b]);
        return c != 0 ? c : Long.compareUnsigned(low[a], low[b]);
    }

    @Override
    long prefix(int row) {
        long h = high[row];
        long l = low[row];
        if (h == l >> 63) {
            return l;
        }
        return h < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    @Override
    boolean exactPrefix() {
        return allFitLong;
    }
}
