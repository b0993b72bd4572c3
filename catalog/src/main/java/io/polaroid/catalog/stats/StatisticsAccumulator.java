package io.polaroid.catalog.stats;

import io.polaroid.parquet.ColumnStatistics;

/**
 * Combines the statistics of several chunks of one column (row groups into a file, files into a dataset).
 * The null count is the sum if every chunk knows it; min and max are the extremes over chunks that hold
 * non-null values, unknown as soon as one such chunk's bound is unknown. A chunk whose rows are all null
 * adds nothing to min and max, so it does not spoil them.
 */
public final class StatisticsAccumulator {
    private long nullCount;
    private Object min;
    private Object max;
    private boolean minUnknown;
    private boolean maxUnknown;

    /** Adds a chunk of {@code rowCount} rows described by {@code statistics}. */
    public StatisticsAccumulator add(ColumnStatistics statistics, long rowCount) {
        if (nullCount >= 0) {
            nullCount = statistics.hasNullCount() ? nullCount + statistics.nullCount() : -1;
        }
        boolean allNull = statistics.hasNullCount() && statistics.nullCount() >= rowCount;
        if (!allNull) {
            minUnknown |= !extend(statistics.min(), true);
            maxUnknown |= !extend(statistics.max(), false);
        }
        return this;
    }

    public ColumnStatistics result() {
        return new ColumnStatistics(nullCount, minUnknown ? null : min, maxUnknown ? null : max);
    }

    /** Folds {@code bound} into min or max; false if it is unknown or cannot be ordered against the others. */
    private boolean extend(Object bound, boolean lower) {
        if (bound == null || StatisticValues.isNaN(bound)) {
            return false;
        }
        Object current = lower ? min : max;
        if (current == null) {
            setBound(bound, lower);
            return true;
        }
        var order = StatisticValues.compare(bound, current);
        if (order.isEmpty()) {
            return false;
        }
        if (lower ? order.get() < 0 : order.get() > 0) {
            setBound(bound, lower);
        }
        return true;
    }

    private void setBound(Object bound, boolean lower) {
        if (lower) {
            min = bound;
        } else {
            max = bound;
        }
    }
}
