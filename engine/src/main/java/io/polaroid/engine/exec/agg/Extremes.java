package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.vector.FieldVector;

/**
 * The smallest or largest non-NULL value per group of one column, in SQL order (strings by UTF-8 bytes,
 * NaN above all numbers): the state of MIN, MAX, BOOL_AND, BOOL_OR and the {@code val} of ARG_MIN/ARG_MAX.
 * The first row holding the extreme wins ties.
 */
abstract class Extremes implements AutoCloseable {
    protected final boolean max;

    protected Extremes(boolean max) {
        this.max = max;
    }

    static Extremes create(ColumnKind kind, boolean max, MemoryReservation memory) {
        return switch (kind) {
            case LONG, BOOL -> new LongExtremes(max, false);
            case FLOATING -> new LongExtremes(max, true);
            case DECIMAL -> new DecimalExtremes(max);
            case BYTES -> new BytesExtremes(max, memory);
            case OTHER -> throw new IllegalArgumentException("values cannot be ordered");
        };
    }

    abstract long bytesPerGroup();

    abstract void grow(int capacity);

    /**
     * Considers rows {@code rows[0..count)} of {@code values}; records in {@code changes} (when not null)
     * each group whose extreme changed, with the row that now holds it.
     */
    abstract void offer(FieldVector values, int rowCount, int[] groups, int[] rows, int count, ChangeLog changes);

    /** Writes the extremes of groups {@code [from, from+count)}, NULL where a group had none. */
    abstract void write(int from, int count, FieldVector target, String description);

    @Override
    public void close() {
    }
}
