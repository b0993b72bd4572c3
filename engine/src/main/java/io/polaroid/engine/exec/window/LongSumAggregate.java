package io.polaroid.engine.exec.window;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;

/**
 * SUM or SUM0 of an integer argument over the frame, exact: rows leaving the frame are subtracted, and a
 * sum that leaves the {@code long} range fails with 22003 like the grouped SUM.
 */
final class LongSumAggregate extends SlidingAggregate {
    private final ArgumentValues values;
    private final boolean zeroWhenEmpty;
    private final LongResult result;
    private final String description;
    private long sum;
    private long count;

    LongSumAggregate(ArgumentValues values, boolean zeroWhenEmpty, LongResult result, String description) {
        this.values = values;
        this.zeroWhenEmpty = zeroWhenEmpty;
        this.result = result;
        this.description = description;
    }

    @Override
    void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    void add(int position) {
        if (!values.isNull(position)) {
            try {
                sum = Math.addExact(sum, values.longs[position]);
            } catch (ArithmeticException e) {
                throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                        description + " overflows a 64-bit integer", e);
            }
            count++;
        }
    }

    @Override
    void remove(int position) {
        if (!values.isNull(position)) {
            sum -= values.longs[position]; // undoes an addition that fitted
            count--;
        }
    }

    @Override
    void emit(int row, int start, int end) {
        if (count == 0 && !zeroWhenEmpty) {
            result.nulls[row] = true;
        } else {
            result.values[row] = sum;
        }
    }
}
