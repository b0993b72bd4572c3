package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** BIGINT results (row numbers, ranks, counts, integer sums) with optional NULLs. */
final class LongResult implements WindowResult {
    final long[] values;
    /** NULL flags, or null when no value can be NULL. */
    final boolean[] nulls;

    LongResult(int rowCount, boolean nullable, MemoryReservation memory) {
        memory.reserve((nullable ? 9L : 8L) * rowCount);
        this.values = new long[rowCount];
        this.nulls = nullable ? new boolean[rowCount] : null;
    }

    @Override
    public void write(int fromRow, int count, FieldVector target) {
        BigIntVector vector = (BigIntVector) target;
        vector.allocateNew(count);
        for (int i = 0; i < count; i++) {
            int row = fromRow + i;
            if (nulls != null && nulls[row]) {
                vector.setNull(i);
            } else {
                vector.set(i, values[row]);
            }
        }
    }
}
