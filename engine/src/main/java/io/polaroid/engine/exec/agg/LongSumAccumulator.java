package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM and SUM0 of an integer column into an integer result: a {@code long} per group with overflow
 * checks (SQL fails with 22003 where Java would wrap).
 */
final class LongSumAccumulator extends Accumulator {
    private final int argument;
    private final boolean zeroWhenEmpty;
    private final String description;
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];
    private long[] values = new long[0];

    LongSumAccumulator(int argument, boolean zeroWhenEmpty, String description, MemoryReservation memory) {
        super(memory);
        this.argument = argument;
        this.zeroWhenEmpty = zeroWhenEmpty;
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return 9;
    }

    @Override
    protected void grow(int capacity) {
        sums = Arrays.copyOf(sums, capacity);
        seen = Arrays.copyOf(seen, capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector column = batch.column(argument);
        if (values.length < batch.rowCount()) {
            values = new long[batch.rowCount()];
        }
        ColumnValues.readLongs(column, batch.rowCount(), values);
        long[] sums = this.sums;
        boolean[] seen = this.seen;
        long[] values = this.values;
        try {
            if (!ColumnValues.mayHaveNulls(column)) {
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    int group = groups[row];
                    sums[group] = Math.addExact(sums[group], values[row]);
                    seen[group] = true;
                }
            } else {
                ArrowBuf validity = column.getValidityBuffer();
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    if (!ColumnValues.isNull(validity, row)) {
                        int group = groups[row];
                        sums[group] = Math.addExact(sums[group], values[row]);
                        seen[group] = true;
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    description + " overflows a 64-bit integer", e);
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        ResultWriter.prepare(target, count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (seen[group] || zeroWhenEmpty) {
                ResultWriter.setLong(target, i, sums[group], description);
            } else {
                ResultWriter.setNull(target, i);
            }
        }
    }
}
