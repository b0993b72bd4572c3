package io.polaroid.engine.exec.window;

/**
 * MIN or MAX over the frame with a monotonic deque: the frame's candidates in position order, each better
 * than every later one, so the front is the extreme and each position enters and leaves the deque once.
 * The result refers to the row holding the extreme value.
 */
final class ExtremeAggregate extends SlidingAggregate {
    private final ArgumentValues values;
    private final boolean max;
    private final int[] order;
    private final RowReferences result;
    /** Positions, a queue between head (inclusive) and tail (exclusive); a position enters at most once per partition. */
    private final int[] deque;
    private int head;
    private int tail;

    /** @param values sortable longs of the argument ({@link ArgumentValues.Form#SORTABLE}) */
    ExtremeAggregate(ArgumentValues values, boolean max, SortedRows sorted, RowReferences result, int[] deque) {
        this.values = values;
        this.max = max;
        this.order = sorted.order();
        this.result = result;
        this.deque = deque;
    }

    @Override
    void reset() {
        head = 0;
        tail = 0;
    }

    @Override
    void add(int position) {
        if (values.isNull(position)) {
            return;
        }
        long value = values.longs[position];
        while (tail > head && !better(values.longs[deque[tail - 1]], value)) {
            tail--;
        }
        deque[tail++] = position;
    }

    /** Whether an earlier candidate stays ahead of a later one (of equal values the later one is kept: it leaves later). */
    private boolean better(long earlier, long later) {
        return max ? earlier > later : earlier < later;
    }

    @Override
    void remove(int position) {
        if (tail > head && deque[head] == position) {
            head++;
        }
    }

    @Override
    void emit(int row, int start, int end) {
        result.rows[row] = tail > head ? order[deque[head]] : RowReferences.NULL;
    }
}
