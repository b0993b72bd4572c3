package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.ExecutionContext;

/**
 * The window functions that ignore the frame: ROW_NUMBER, RANK and DENSE_RANK, PERCENT_RANK and CUME_DIST
 * from positions and peer groups, LAG and LEAD from positions within the partition.
 */
final class PositionKernels {
    private PositionKernels() {
    }

    static void rank(WindowFunction function, SortedRows sorted, LongResult result, ExecutionContext context) {
        long[] values = result.values;
        for (int partition = 0; partition < sorted.partitionCount(); partition++) {
            int start = sorted.partitionStart(partition);
            int end = sorted.partitionEnd(partition);
            long denseRank = 0;
            for (int position = start; position < end; position++) {
                long value;
                switch (function) {
                    case ROW_NUMBER -> value = position - start + 1;
                    case RANK -> value = sorted.peerStart(position) - start + 1;
                    case DENSE_RANK -> {
                        if (sorted.peerStart(position) == position) {
                            denseRank++;
                        }
                        value = denseRank;
                    }
                    default -> throw new IllegalArgumentException("not a ranking function: " + function);
                }
                values[sorted.row(position)] = value;
                SortedRows.checkCancelled(context, position);
            }
        }
    }

    /** PERCENT_RANK or CUME_DIST, the relative ranks. */
    static void relativeRank(WindowFunction function, SortedRows sorted, DoubleResult result,
                             ExecutionContext context) {
        for (int partition = 0; partition < sorted.partitionCount(); partition++) {
            int start = sorted.partitionStart(partition);
            int end = sorted.partitionEnd(partition);
            double rows = end - start;
            for (int position = start; position < end; position++) {
                double value = switch (function) {
                    case PERCENT_RANK -> rows == 1 ? 0.0 : (sorted.peerStart(position) - start) / (rows - 1);
                    case CUME_DIST -> (sorted.peerEnd(position) - start) / rows;
                    default -> throw new IllegalArgumentException("not a relative rank: " + function);
                };
                result.values[sorted.row(position)] = value;
                SortedRows.checkCancelled(context, position);
            }
        }
    }

    /** LAG ({@code lead} false) or LEAD: the row {@code offset} positions away in the partition, else the default. */
    static void offset(boolean lead, long offset, boolean hasDefault, SortedRows sorted, RowReferences result,
                       ExecutionContext context) {
        int missing = hasDefault ? RowReferences.DEFAULT : RowReferences.NULL;
        long step = lead ? offset : -offset;
        for (int partition = 0; partition < sorted.partitionCount(); partition++) {
            int start = sorted.partitionStart(partition);
            int end = sorted.partitionEnd(partition);
            for (int position = start; position < end; position++) {
                long target = position + step;
                result.rows[sorted.row(position)] = target >= start && target < end
                        ? sorted.row((int) target) : missing;
                SortedRows.checkCancelled(context, position);
            }
        }
    }
}
