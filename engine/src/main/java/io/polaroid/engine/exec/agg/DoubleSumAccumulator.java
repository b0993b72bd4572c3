package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** SUM, SUM0 and AVG of a floating-point column: a {@code double} sum and a count per group. */
final class DoubleSumAccumulator extends Accumulator {
    private final int argument;
    private final AggregateFunction function;
    private final String description;
    private double[] sums = new double[0];
    private long[] counts = new long[0];
    private double[] values = new double[0];

    DoubleSumAccumulator(int argument, AggregateFunction function, String description, MemoryReservation memory) {
        super(memory);
        this.argument = argument;
        this.function = function;
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return 16;
    }

    @Override
    protected void grow(int capacity) {
        sums = Arrays.copyOf(sums, capacity);
        counts = Arrays.copyOf(counts, capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector column = batch.column(argument);
        if (values.length < batch.rowCount()) {
            values = new double[batch.rowCount()];
        }
        ColumnValues.readDoubles(column, batch.rowCount(), values);
        double[] sums = this.sums;
        long[] counts = this.counts;
        double[] values = this.values;
        if (!ColumnValues.mayHaveNulls(column)) {
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                int group = groups[row];
                sums[group] += values[row];
                counts[group]++;
            }
        } else {
            ArrowBuf validity = column.getValidityBuffer();
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (!ColumnValues.isNull(validity, row)) {
                    int group = groups[row];
                    sums[group] += values[row];
                    counts[group]++;
                }
            }
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        ResultWriter.prepare(target, count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            long n = counts[group];
            if (n == 0) {
                if (function == AggregateFunction.SUM0) {
                    ResultWriter.setDouble(target, i, 0.0, description);
                } else {
                    ResultWriter.setNull(target, i);
                }
            } else {
                double value = function == AggregateFunction.AVG ? sums[group] / n : sums[group];
                ResultWriter.setDouble(target, i, value, description);
            }
        }
    }
}
