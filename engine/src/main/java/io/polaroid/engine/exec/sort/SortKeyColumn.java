package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * One ORDER BY column of the rows in a {@link RowStore}, prepared for comparisons: its NULL flags, and per
 * type the values in a form that compares fast (sortable {@code long}s, 128-bit pairs, or the stored bytes
 * with an 8-byte prefix). Comparisons are ascending with NULLs excluded; {@link RowOrdering} applies the
 * direction and the NULL placement.
 *
 * <p>The column loads incrementally ({@link #load} picks up rows appended since the last call), which is
 * what a top-N heap over a growing store needs.
 */
abstract class SortKeyColumn implements AutoCloseable {
    private final MemoryReservation memory;
    private final int bytesPerRow;
    protected boolean[] nulls = new boolean[0];
    private int loaded;

    protected SortKeyColumn(MemoryReservation memory, int bytesPerRow) {
        this.memory = memory;
        this.bytesPerRow = bytesPerRow;
    }

    static SortKeyColumn create(ColumnKind kind, MemoryReservation memory) {
        return switch (kind) {
            case LONG, BOOL -> new LongSortColumn(memory, false);
            case FLOATING -> new LongSortColumn(memory, true);
            case DECIMAL -> new DecimalSortColumn(memory);
            case BYTES -> new BytesSortColumn(memory);
            case OTHER -> throw new IllegalArgumentException("column type cannot be sorted");
        };
    }

    /** Prepares rows {@code [loaded, store.rowCount())} of {@code column}. */
    final void load(RowStore store, int column) {
        int total = store.rowCount();
        if (nulls.length < total) {
            int capacity = Math.max(total, Math.min(nulls.length * 2, RowStore.MAX_ROWS));
            memory.reserve((long) (capacity - nulls.length) * (bytesPerRow + 1));
            nulls = Arrays.copyOf(nulls, capacity);
            grow(capacity);
        }
        FieldVector[] chunks = store.chunks(column);
        int row = loaded;
        while (row < total) {
            FieldVector vector = chunks[RowStore.chunkOf(row)];
            int from = RowStore.indexInChunk(row);
            int count = Math.min(total - row, RowStore.CHUNK_ROWS - from);
            loadRange(vector, from, count, row);
            if (ColumnValues.mayHaveNulls(vector)) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < count; i++) {
                    nulls[row + i] = ColumnValues.isNull(validity, from + i);
                }
            } else {
                Arrays.fill(nulls, row, row + count, false);
            }
            row += count;
        }
        loaded = total;
        bind(chunks);
    }

    /** Forgets every loaded row (the store was replaced). */
    final void reset() {
        loaded = 0;
    }

    final boolean isNull(int row) {
        return nulls[row];
    }

    /** Resizes the per-row arrays to {@code capacity} rows, keeping loaded rows. */
    protected abstract void grow(int capacity);

    /** Prepares rows {@code [from, from+count)} of {@code vector} as rows {@code at ...}. */
    protected abstract void loadRange(FieldVector vector, int from, int count, int at);

    /** Keeps references to the store's chunk vectors, if comparisons read them. */
    protected void bind(FieldVector[] chunks) {
    }

    /** Ascending comparison of two non-NULL values. */
    abstract int compareValues(int a, int b);

    /** A {@code long} whose signed order agrees with {@link #compareValues} (ties may still differ). */
    abstract long prefix(int row);

    /** Whether equal prefixes mean equal values, so the prefix alone orders the column. */
    abstract boolean exactPrefix();

    @Override
    public void close() {
        nulls = new boolean[0];
        grow(0);
    }
}
