package io.polaroid.engine.exec.window;

import java.util.Objects;

/**
 * The rows a frame-dependent window function sees for each row of a partition. {@code ROWS} frames count
 * rows from the current one; {@code RANGE} frames are only supported without offsets, where
 * {@code CURRENT ROW} means the current row's peers (rows with equal ORDER BY keys).
 *
 * <p>For every supported frame both ends move forward (never back) as the current row moves forward,
 * which is what lets the kernels slide over a partition in one pass.
 */
public record WindowFrame(boolean rows, FrameBound lower, FrameBound upper) {
    /** The SQL default with an ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    public static final WindowFrame RANGE_TO_CURRENT =
            new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.CURRENT_ROW);
    /** The whole partition. */
    public static final WindowFrame WHOLE_PARTITION =
            new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.UNBOUNDED_FOLLOWING);

    public WindowFrame {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (!rows && (lower.hasOffset() || upper.hasOffset())) {
            throw new IllegalArgumentException("RANGE frames with offsets are not supported: " + lower + ", " + upper);
        }
        if (lower.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING || upper.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING) {
            throw new IllegalArgumentException("invalid frame: BETWEEN " + lower + " AND " + upper);
        }
    }

    /** Whether the frame ends depend on peers (RANGE with CURRENT ROW). */
    boolean needsPeers() {
        return !rows && (lower.kind() == FrameBound.Kind.CURRENT_ROW || upper.kind() == FrameBound.Kind.CURRENT_ROW);
    }

    /** First position of the frame of the row at {@code position} in partition {@code [start, end)}. */
    int start(int position, int start, int end, SortedRows sorted) {
        return switch (lower.kind()) {
            case UNBOUNDED_PRECEDING -> start;
            case PRECEDING -> (int) Math.max(start, position - lower.offset());
            case CURRENT_ROW -> rows ? position : sorted.peerStart(position);
            case FOLLOWING -> (int) Math.min(end, position + lower.offset());
            case UNBOUNDED_FOLLOWING -> end;
        };
    }

    /** Position after the last row of the frame of the row at {@code position} (not below {@link #start}). */
    int end(int position, int start, int end, SortedRows sorted) {
        return switch (upper.kind()) {
            case UNBOUNDED_PRECEDING -> start;
            case PRECEDING -> (int) Math.max(start, position - upper.offset() + 1);
            case CURRENT_ROW -> rows ? position + 1 : sorted.peerEnd(position);
            case FOLLOWING -> (int) Math.min(end, position + upper.offset() + 1);
            case UNBOUNDED_FOLLOWING -> end;
        };
    }

    @Override
    public String toString() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower + " AND " + upper;
    }
}
