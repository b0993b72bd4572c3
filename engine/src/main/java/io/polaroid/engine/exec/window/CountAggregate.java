package io.polaroid.engine.exec.window;

/** COUNT(*) (no argument) or COUNT(x) over the frame. */
final class CountAggregate extends SlidingAggregate {
    private final boolean[] nulls;
    private final LongResult result;
    private long count;

    /** @param nulls the argument's NULL flags by position, or null to count every row */
    CountAggregate(boolean[] nulls, LongResult result) {
        this.nulls = nulls;
        this.result = result;
    }

    @Override
    void reset() {
        count = 0;
    }

    @Override
    void add(int position) {
        if (nulls == null || !nulls[position]) {
            count++;
        }
    }

    @Override
    void remove(int position) {
        if (nulls == null || !nulls[position]) {
            count--;
        }
    }

    @Override
    void emit(int row, int start, int end) {
        result.values[row] = count;
    }
}
