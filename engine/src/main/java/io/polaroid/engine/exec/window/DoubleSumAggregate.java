package io.polaroid.engine.exec.window;

/**
 * SUM, SUM0 or AVG of a floating-point argument over the frame. Rows leaving the frame are subtracted, with
 * Neumaier's compensation so that the sliding sum stays as accurate as summing the frame afresh (a large
 * value entering and leaving does not wipe out the small ones). Infinities and NaN are counted apart
 * rather than summed, so they stop counting once they leave the frame.
 */
final class DoubleSumAggregate extends SlidingAggregate {
    private final ArgumentValues values;
    private final WindowFunction function;
    private final DoubleResult result;
    private double sum;
    private double compensation;
    private long count;
    private long positiveInfinities;
    private long negativeInfinities;
    private long nans;

    /** @param function SUM, SUM0 or AVG */
    DoubleSumAggregate(ArgumentValues values, WindowFunction function, DoubleResult result) {
        this.values = values;
        this.function = function;
        this.result = result;
    }

    @Override
    void reset() {
        sum = 0;
        compensation = 0;
        count = 0;
        positiveInfinities = 0;
        negativeInfinities = 0;
        nans = 0;
    }

    @Override
    void add(int position) {
        if (!values.isNull(position)) {
            count++;
            accumulate(values.doubles[position], 1);
        }
    }

    @Override
    void remove(int position) {
        if (!values.isNull(position)) {
            count--;
            if (count == 0) {
                reset();
            } else {
                accumulate(values.doubles[position], -1);
            }
        }
    }

    private void accumulate(double value, int sign) {
        if (Double.isNaN(value)) {
            nans += sign;
        } else if (value == Double.POSITIVE_INFINITY) {
            positiveInfinities += sign;
        } else if (value == Double.NEGATIVE_INFINITY) {
            negativeInfinities += sign;
        } else {
            double term = sign * value;
            double total = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - total) + term : (term - total) + sum;
            sum = total;
        }
    }

    @Override
    void emit(int row, int start, int end) {
        if (count == 0) {
            if (function == WindowFunction.SUM0) {
                result.values[row] = 0.0;
            } else {
                result.nulls[row] = true;
            }
            return;
        }
        double total;
        if (nans > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) {
            total = Double.NaN;
        } else if (positiveInfinities > 0) {
            total = Double.POSITIVE_INFINITY;
        } else if (negativeInfinities > 0) {
            total = Double.NEGATIVE_INFINITY;
        } else {
            total = sum + compensation;
        }
        result.values[row] = function == WindowFunction.AVG ? total / count : total;
    }
}
