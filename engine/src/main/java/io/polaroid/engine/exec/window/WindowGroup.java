package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.sort.SortKey;
import java.util.List;
import java.util.Objects;

/**
 * Window functions that share one window: {@code PARTITION BY} columns, {@code ORDER BY} keys and a frame.
 *
 * @param partitionColumns input columns of the PARTITION BY (empty: one partition)
 * @param orderKeys        the ORDER BY within a partition (empty: every row of a partition is a peer)
 * @param frame            the frame of frame-dependent functions
 * @param calls            the functions, whose results are appended to the input columns in this order
 */
public record WindowGroup(List<Integer> partitionColumns, List<SortKey> orderKeys, WindowFrame frame,
                          List<WindowCall> calls) {
    public WindowGroup {
        partitionColumns = List.copyOf(Objects.requireNonNull(partitionColumns, "partitionColumns"));
        orderKeys = List.copyOf(Objects.requireNonNull(orderKeys, "orderKeys"));
        Objects.requireNonNull(frame, "frame");
        calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    }

    /** Whether some function needs peer groups (ranks, or a RANGE frame ending at the current row). */
    boolean needsPeers() {
        for (WindowCall call : calls) {
            if (call.function() == WindowFunction.RANK || call.function() == WindowFunction.DENSE_RANK
                    || call.function() == WindowFunction.PERCENT_RANK || call.function() == WindowFunction.CUME_DIST
                    || (call.function().usesFrame() && frame.needsPeers())) {
                return true;
            }
        }
        return false;
    }
}
