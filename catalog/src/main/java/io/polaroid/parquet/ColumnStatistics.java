package io.polaroid.parquet;

/**
 * Statistics of one column chunk, in the Java representation the whole system uses for pruning values
 * (Long for integers, dates, times and timestamps; Double; BigDecimal; String; Boolean).
 *
 * @param nullCount number of nulls, or -1 when the file does not say
 * @param min       a lower bound of the non-null values, or {@code null} when unknown
 * @param max       an upper bound of the non-null values, or {@code null} when unknown
 */
public record ColumnStatistics(long nullCount, Object min, Object max) {
    public static final ColumnStatistics UNKNOWN = new ColumnStatistics(-1, null, null);

    public ColumnStatistics {
        if (nullCount < -1) {
            throw new IllegalArgumentException("nullCount must be -1 (unknown) or more: " + nullCount);
        }
    }

    public boolean hasNullCount() {
        return nullCount >= 0;
    }

    public boolean hasMinMax() {
        return min != null && max != null;
    }
}
