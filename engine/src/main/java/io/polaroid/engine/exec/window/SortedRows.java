package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.sort.SortKey;
import io.polaroid.engine.exec.sort.StoredRowOrder;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stored rows in window order — by the PARTITION BY columns, then the ORDER BY keys — as positions:
 * {@link #row(int)} is the row id at a position. Partitions are ranges of positions; peers (rows with equal
 * partition and ORDER BY keys) are ranges within them, kept only when some function needs them.
 * Its arrays are accounted to the reservation it was built with.
 */
final class SortedRows {
    /** Check for cancellation after this many rows of a loop. */
    static final int CANCEL_CHECK_ROWS = 1 << 16;

    private final int[] order;
    /** Position where each partition starts, then the row count. */
    private final int[] partitionStarts;
    private final int[] peerStarts;
    private final int[] peerEnds;

    private SortedRows(int[] order, int[] partitionStarts, int[] peerStarts, int[] peerEnds) {
        this.order = order;
        this.partitionStarts = partitionStarts;
        this.peerStarts = peerStarts;
        this.peerEnds = peerEnds;
    }

    /** Sorts the rows of {@code store} for {@code group}; with peers if {@code withPeers}. */
    static SortedRows sort(ExecutionContext context, RowStore store, List<Integer> partitionColumns,
                           List<SortKey> orderKeys, boolean withPeers, MemoryReservation memory) {
        List<SortKey> partitionKeys = new ArrayList<>();
        for (int column : partitionColumns) {
            partitionKeys.add(new SortKey(column, true, false));
        }
        List<SortKey> keys = new ArrayList<>(partitionKeys);
        keys.addAll(orderKeys);
        int rowCount = store.rowCount();
        try (StoredRowOrder windowOrder = new StoredRowOrder(context, store, keys)) {
            int[] order = windowOrder.sortedRows(memory);
            context.checkCancelled();
            int[] partitionStarts;
            if (partitionKeys.isEmpty()) {
                partitionStarts = rowCount == 0 ? new int[] {0} : new int[] {0, rowCount};
                memory.reserve(8);
            } else if (orderKeys.isEmpty()) {
                partitionStarts = partitionStarts(context, order, windowOrder, memory);
            } else {
                try (StoredRowOrder partitionOrder = new StoredRowOrder(context, store, partitionKeys)) {
                    partitionStarts = partitionStarts(context, order, partitionOrder, memory);
                }
            }
            if (!withPeers) {
                return new SortedRows(order, partitionStarts, null, null);
            }
            memory.reserve(8L * rowCount);
            int[] peerStarts = new int[rowCount];
            int[] peerEnds = new int[rowCount];
            for (int position = 0; position < rowCount; position++) {
                boolean newPeers = position == 0 || windowOrder.compare(order[position - 1], order[position]) != 0;
                peerStarts[position] = newPeers ? position : peerStarts[position - 1];
                checkCancelled(context, position);
            }
            for (int position = rowCount - 1; position >= 0; position--) {
                boolean lastPeer = position == rowCount - 1 || peerStarts[position + 1] != peerStarts[position];
                peerEnds[position] = lastPeer ? position + 1 : peerEnds[position + 1];
            }
            return new SortedRows(order, partitionStarts, peerStarts, peerEnds);
        }
    }

    private static int[] partitionStarts(ExecutionContext context, int[] order, StoredRowOrder partitionOrder,
                                         MemoryReservation memory) {
        int rowCount = order.length;
        memory.reserve(4L * (rowCount + 1));
        int[] starts = new int[rowCount + 1];
        int count = 0;
        for (int position = 0; position < rowCount; position++) {
            if (position == 0 || partitionOrder.compare(order[position - 1], order[position]) != 0) {
                starts[count++] = position;
            }
            checkCancelled(context, position);
        }
        starts[count++] = rowCount;
        memory.release(4L * (rowCount + 1 - count));
        return Arrays.copyOf(starts, count);
    }

    static void checkCancelled(ExecutionContext context, int position) {
        if ((position & (CANCEL_CHECK_ROWS - 1)) == CANCEL_CHECK_ROWS - 1) {
            context.checkCancelled();
        }
    }

    int rowCount() {
        return order.length;
    }

    /** The stored row id at {@code position}. */
    int row(int position) {
        return order[position];
    }

    int[] order() {
        return order;
    }

    int partitionCount() {
        return partitionStarts.length - 1;
    }

    int partitionStart(int partition) {
        return partitionStarts[partition];
    }

    int partitionEnd(int partition) {
        return partitionStarts[partition + 1];
    }

    /** First position of the peers of {@code position}; only with peers. */
    int peerStart(int position) {
        return peerStarts[position];
    }

    /** Position after the last peer of {@code position}; only with peers. */
    int peerEnd(int position) {
        return peerEnds[position];
    }
}
