package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.List;
import java.util.Objects;

/**
 * The sort order of rows an operator already holds in a {@link RowStore}, for operators other than
 * {@link SortOperator} that need their rows ordered and compared (window functions: partitions, peers).
 * It is the sort operator's own machinery ({@link RowOrdering}, {@link RowSorter}) behind a public face.
 *
 * <p>The prepared key columns are accounted to a reservation of their own, given back on {@link #close};
 * the sorted row ids belong to the caller and are accounted to the caller's reservation.
 */
public final class StoredRowOrder implements AutoCloseable {
    private final ExecutionContext context;
    private final int rowCount;
    private final MemoryReservation keyMemory;
    private final RowOrdering ordering;

    /** Prepares the {@code keys} of every row of {@code store} (which must not grow afterwards). */
    public StoredRowOrder(ExecutionContext context, RowStore store, List<SortKey> keys) {
        this.context = Objects.requireNonNull(context, "context");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keys, "keys");
        for (SortKey key : keys) {
            if (key.column() >= store.columnCount()
                    || !SortOperator.supportsKeyType(store.fields().get(key.column()).getType())) {
                throw new IllegalArgumentException("cannot order by column " + key.column() + " of "
                        + store.fields());
            }
        }
        this.rowCount = store.rowCount();
        this.keyMemory = new MemoryReservation(context.allocator(), "window sort");
        try {
            this.ordering = new RowOrdering(keys, store.fields(), keyMemory);
            ordering.load(store);
        } catch (RuntimeException | Error e) {
            keyMemory.close();
            throw e;
        }
    }

    /** The row ids {@code 0..rowCount-1} in key order (ties in no particular order), accounted to {@code memory}. */
    public int[] sortedRows(MemoryReservation memory) {
        return RowSorter.sort(ordering, rowCount, memory, context);
    }

    /** Negative, zero or positive as row {@code a} sorts before, with (equal keys), or after row {@code b}. */
    public int compare(int a, int b) {
        return ordering.compare(a, b);
    }

    @Override
    public void close() {
        try {
            ordering.close();
        } finally {
            keyMemory.close();
        }
    }
}
