package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import io.polaroid.engine.exec.vector.VectorGather;
import io.polaroid.engine.types.InternalValues;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Results that are a value of the argument column at another row (FIRST_VALUE, LAST_VALUE, MIN, MAX, LAG,
 * LEAD): per row the id of that stored row, {@link #NULL} or {@link #DEFAULT}. Writing gathers the values
 * from the store, so they keep their exact type and precision (timestamps their microseconds, strings
 * their bytes). LAG/LEAD's default is held in a one-row vector that takes part in the gather as an extra
 * chunk of the store, so every value is written in order (as variable-width vectors need).
 */
final class RowReferences implements WindowResult {
    static final int NULL = -1;
    /** LAG/LEAD's default value. */
    static final int DEFAULT = -2;

    final int[] rows;
    private final RowStore store;
    private final int column;
    private final FieldVector defaultVector;
    private int[] addresses = new int[0];

    /**
     * @param defaultValue the value of {@link #DEFAULT} as a Calcite internal value of a flat type
     *                     ({@code Long}, {@code Double}, {@code BigDecimal}, {@code String} ...), or null
     */
    RowReferences(RowStore store, int column, Object defaultValue, BufferAllocator allocator,
                  MemoryReservation memory) {
        memory.reserve(4L * store.rowCount());
        this.rows = new int[store.rowCount()];
        Arrays.fill(rows, NULL);
        this.store = store;
        this.column = column;
        this.defaultVector = defaultValue == null ? null : oneValue(store, column, defaultValue, allocator);
    }

    private static FieldVector oneValue(RowStore store, int column, Object value, BufferAllocator allocator) {
        FieldVector vector = store.fields().get(column).createVector(allocator);
        try {
            vector.allocateNew();
            // the SQL type only matters to nested values; defaults are of flat types
            InternalValues.writer(vector, null).set(0, value);
            vector.setValueCount(1);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    @Override
    public void write(int fromRow, int count, FieldVector target) {
        if (defaultVector == null) {
            store.gather(column, rows, fromRow, count, target, 0);
            return;
        }
        FieldVector[] chunks = store.chunks(column);
        FieldVector[] sources = Arrays.copyOf(chunks, chunks.length + 1);
        sources[chunks.length] = defaultVector;
        int defaultAddress = chunks.length << RowStore.CHUNK_SHIFT;
        if (addresses.length < count) {
            addresses = new int[count];
        }
        for (int i = 0; i < count; i++) {
            int row = rows[fromRow + i];
            addresses[i] = row == DEFAULT ? defaultAddress : row;
        }
        VectorGather.gather(sources, RowStore.CHUNK_SHIFT, addresses, 0, count, target, 0);
    }

    @Override
    public void close() {
        if (defaultVector != null) {
            defaultVector.close();
        }
    }
}
