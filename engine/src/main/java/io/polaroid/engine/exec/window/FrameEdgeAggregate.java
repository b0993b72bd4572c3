package io.polaroid.engine.exec.window;

/** FIRST_VALUE or LAST_VALUE: the row at the frame's start or end (NULL values included). */
final class FrameEdgeAggregate extends SlidingAggregate {
    private final boolean last;
    private final int[] order;
    private final RowReferences result;

    FrameEdgeAggregate(boolean last, SortedRows sorted, RowReferences result) {
        this.last = last;
        this.order = sorted.order();
        this.result = result;
    }

    @Override
    void reset() {
    }

    @Override
    void add(int position) {
    }

    @Override
    void remove(int position) {
    }

    @Override
    void emit(int row, int start, int end) {
        if (start < end) {
            result.rows[row] = order[last ? end - 1 : start];
        }
    }
}
