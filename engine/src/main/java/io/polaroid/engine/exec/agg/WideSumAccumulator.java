package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Exact sums in 128-bit two's complement per group (a high and a low {@code long}), plus a count: SUM and
 * SUM0 of integers into Decimal or FloatingPoint results, SUM of decimals, and AVG of integers and
 * decimals. 128 bits hold any sum of up to 2^63 64-bit integers and DECIMAL(38) sums short of the 128-bit
 * limit, where the sum fails with 22003.
 */
final class WideSumAccumulator extends Accumulator {
    private final int argument;
    private final boolean decimalInput;
    private final int inputScale;
    private final AggregateFunction function;
    private final String description;
    private long[] low = new long[0];
    private long[] high = new long[0];
    private long[] counts = new long[0];
    private long[] valueLow = new long[0];
    private long[] valueHigh = new long[0];

    /** @param inputScale the decimal argument's scale, 0 for integers */
    WideSumAccumulator(int argument, boolean decimalInput, int inputScale, AggregateFunction function,
                       String description, MemoryReservation memory) {
        super(memory);
        this.argument = argument;
        this.decimalInput = decimalInput;
        this.inputScale = inputScale;
        this.function = function;
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return 24;
    }

    @Override
    protected void grow(int capacity) {
        low = Arrays.copyOf(low, capacity);
        high = Arrays.copyOf(high, capacity);
        counts = Arrays.copyOf(counts, capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector column = batch.column(argument);
        int rowCount = batch.rowCount();
        if (valueLow.length < rowCount) {
            valueLow = new long[rowCount];
            valueHigh = new long[rowCount];
        }
        if (decimalInput) {
            ColumnValues.readDecimals(column, 0, rowCount, valueLow, valueHigh, 0);
        } else {
            ColumnValues.readLongs(column, rowCount, valueLow);
            for (int i = 0; i < rowCount; i++) {
                valueHigh[i] = valueLow[i] >> 63;
            }
        }
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        long[] low = this.low;
        long[] high = this.high;
        long[] counts = this.counts;
        try {
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (nulls && ColumnValues.isNull(validity, row)) {
                    continue;
                }
                int group = groups[row];
                long before = low[group];
                long after = before + valueLow[row];
                long carry = Long.compareUnsigned(after, before) < 0 ? 1 : 0;
                high[group] = Math.addExact(Math.addExact(high[group], valueHigh[row]), carry);
                low[group] = after;
                counts[group]++;
            }
        } catch (ArithmeticException e) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    description + " overflows a 128-bit decimal", e);
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
                    ResultWriter.setLong(target, i, 0, description);
                } else {
                    ResultWriter.setNull(target, i);
                }
            } else if (function == AggregateFunction.AVG) {
                writeAverage(target, i, group, n);
            } else {
                ResultWriter.setBigDecimal(target, i, sum(group), description);
            }
        }
    }

    private void writeAverage(FieldVector target, int index, int group, long n) {
        boolean fitsLong = high[group] == low[group] >> 63;
        if (target instanceof Float8Vector || target instanceof Float4Vector) {
            double total = fitsLong ? (double) low[group] : sum(group).unscaledValue().doubleValue();
            ResultWriter.setDouble(target, index, total / n / Math.pow(10, inputScale), description);
        } else if (target instanceof DecimalVector decimals) {
            BigDecimal average = sum(group).divide(BigDecimal.valueOf(n), decimals.getScale(), RoundingMode.HALF_UP);
            ResultWriter.setBigDecimal(target, index, average, description);
        } else {
            // Integer AVG (Calcite's type for AVG of an integer column) truncates toward zero.
            BigDecimal average = sum(group).divide(BigDecimal.valueOf(n), 0, RoundingMode.DOWN);
            ResultWriter.setBigDecimal(target, index, average, description);
        }
    }

    private BigDecimal sum(int group) {
        return new BigDecimal(toBigInteger(high[group], low[group]), inputScale);
    }

    static BigInteger toBigInteger(long high, long low) {
        if (high == low >> 63) {
            return BigInteger.valueOf(low);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }
}
