package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * VAR_POP, VAR_SAMP, STDDEV_POP and STDDEV_SAMP with Welford's streaming update (count, mean and sum of
 * squared deviations per group), which stays accurate where the textbook sum-of-squares formula cancels.
 */
final class VarianceAccumulator extends Accumulator {
    private final int argument;
    private final ColumnKind inputKind;
    private final double decimalDivisor;
    private final AggregateFunction function;
    private final String description;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] squares = new double[0];
    private double[] values = new double[0];
    private long[] low = new long[0];
    private long[] high = new long[0];

    VarianceAccumulator(int argument, ColumnKind inputKind, int inputScale, AggregateFunction function,
                        String description, MemoryReservation memory) {
        super(memory);
        this.argument = argument;
        this.inputKind = inputKind;
        this.decimalDivisor = Math.pow(10, inputScale);
        this.function = function;
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return 24;
    }

    @Override
    protected void grow(int capacity) {
        counts = Arrays.copyOf(counts, capacity);
        means = Arrays.copyOf(means, capacity);
        squares = Arrays.copyOf(squares, capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector column = batch.column(argument);
        int rowCount = batch.rowCount();
        readValues(column, rowCount);
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        long[] counts = this.counts;
        double[] means = this.means;
        double[] squares = this.squares;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            if (nulls && ColumnValues.isNull(validity, row)) {
                continue;
            }
            int group = groups[row];
            double x = values[row];
            long n = ++counts[group];
            double delta = x - means[group];
            means[group] += delta / n;
            squares[group] += delta * (x - means[group]);
        }
    }

    private void readValues(FieldVector column, int rowCount) {
        if (values.length < rowCount) {
            values = new double[rowCount];
        }
        if (inputKind != ColumnKind.DECIMAL) {
            ColumnValues.readDoubles(column, rowCount, values);
            return;
        }
        if (low.length < rowCount) {
            low = new long[rowCount];
            high = new long[rowCount];
        }
        ColumnValues.readDecimals(column, 0, rowCount, low, high, 0);
        for (int i = 0; i < rowCount; i++) {
            values[i] = high[i] == low[i] >> 63 ? low[i] / decimalDivisor
                    : new BigDecimal(WideSumAccumulator.toBigInteger(high[i], low[i])).doubleValue() / decimalDivisor;
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        ResultWriter.prepare(target, count);
        boolean sample = function == AggregateFunction.VAR_SAMP || function == AggregateFunction.STDDEV_SAMP;
        boolean root = function == AggregateFunction.STDDEV_POP || function == AggregateFunction.STDDEV_SAMP;
        for (int i = 0; i < count; i++) {
            int group = from + i;
            long n = counts[group];
            if (n == 0 || (sample && n == 1)) {
                ResultWriter.setNull(target, i);
                continue;
            }
            double variance = Math.max(0.0, squares[group] / (sample ? n - 1 : n));
            ResultWriter.setDouble(target, i, root ? Math.sqrt(variance) : variance, description);
        }
    }
}
