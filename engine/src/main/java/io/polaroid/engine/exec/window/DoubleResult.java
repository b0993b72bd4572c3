package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/** DOUBLE results (floating-point sums, averages) with NULLs. */
final class DoubleResult implements WindowResult {
    final double[] values;
    final boolean[] nulls;

    DoubleResult(int rowCount, MemoryReservation memory) {
        memory.reserve(9L * rowCount);
        this.values = new double[rowCount];
        this.nulls = new boolean[rowCount];
    }

    @Override
    public void write(int fromRow, int count, FieldVector target) {
        Float8Vector vector = (Float8Vector) target;
        vector.allocateNew(count);
        for (int i = 0; i < count; i++) {
            int row = fromRow + i;
            if (nulls[row]) {
                vector.setNull(i);
            } else {
                vector.set(i, values[row]);
            }
        }
    }
}
