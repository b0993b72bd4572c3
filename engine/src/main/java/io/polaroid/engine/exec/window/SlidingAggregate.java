package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.ExecutionContext;

/**
 * An aggregate over a frame that slides forward through a partition: positions enter at the frame's end
 * and leave at its start, each once, so a partition costs O(rows) whatever the frame width (given O(1)
 * amortized {@link #add}/{@link #remove}). {@link #slide} drives it over every partition.
 */
abstract class SlidingAggregate {

    /** Empties the frame. */
    abstract void reset();

    /** The row at {@code position} enters the frame (positions enter in increasing order). */
    abstract void add(int position);

    /** The row at {@code position}, the oldest in the frame, leaves it. */
    abstract void remove(int position);

    /** Records the aggregate of the frame {@code [start, end)} as the result of stored row {@code row}. */
    abstract void emit(int row, int start, int end);

    /** Runs {@code aggregate} over the frame of every row of every partition. */
    static void slide(SortedRows sorted, WindowFrame frame, SlidingAggregate aggregate, ExecutionContext context) {
        for (int partition = 0; partition < sorted.partitionCount(); partition++) {
            int start = sorted.partitionStart(partition);
            int end = sorted.partitionEnd(partition);
            aggregate.reset();
            int frameStart = start;
            int frameEnd = start;
            for (int position = start; position < end; position++) {
                int lo = frame.start(position, start, end, sorted);
                int hi = Math.max(lo, frame.end(position, start, end, sorted));
                if (lo >= frameEnd) {
                    // no overlap with the previous frame: start afresh (also drops accumulated rounding)
                    aggregate.reset();
                    frameStart = lo;
                    frameEnd = lo;
                }
                while (frameStart < lo) {
                    aggregate.remove(frameStart++);
                }
                while (frameEnd < hi) {
                    aggregate.add(frameEnd++);
                }
                aggregate.emit(sorted.row(position), lo, hi);
                SortedRows.checkCancelled(context, position);
            }
        }
    }
}
