package io.polaroid.engine.exec.sort;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Keeps the first {@code n} rows in sort order of everything offered: a max-heap of row ids (the root is
 * the worst row kept) over a {@link RowStore}. Each input batch is appended whole and its rows pushed
 * through the heap; rows that fall out leave garbage in the store, which is compacted (the kept rows
 * gathered into a fresh store) once it outweighs the heap, so memory stays proportional to {@code n}
 * plus one batch.
 */
final class TopNCollector implements AutoCloseable {
    private final ExecutionContext context;
    private final List<Field> fields;
    private final RowOrdering ordering;
    private final int capacity;
    private final int[] heap;
    private int size;
    private RowStore store;

    TopNCollector(ExecutionContext context, List<Field> fields, List<SortKey> keys, int capacity,
                  MemoryReservation memory) {
        this.context = context;
        this.fields = fields;
        this.ordering = new RowOrdering(keys, fields, memory);
        this.capacity = capacity;
        memory.reserve(4L * capacity);
        this.heap = new int[capacity];
        this.store = new RowStore(context.allocator(), fields);
    }

    /** Offers every row of {@code batch}. */
    void add(Batch batch) {
        int first = store.rowCount();
        store.append(batch.columns(), 0, batch.rowCount());
        ordering.load(store);
        int end = store.rowCount();
        for (int row = first; row < end; row++) {
            if (size < capacity) {
                heap[size] = row;
                siftUp(size++);
            } else if (ordering.compare(row, heap[0]) < 0) {
                heap[0] = row;
                siftDown(0);
            }
        }
        if (store.rowCount() - size > Math.max(size, RowStore.CHUNK_ROWS)) {
            compact();
        }
    }

    /** Whether {@code n} rows are held and later rows can only replace them by sorting before them. */
    boolean full() {
        return size == capacity;
    }

    /** Ends collection: returns the kept rows' ids in sort order, in {@link #store()}. */
    int[] finish() {
        compact();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IntMergeSort.sort(order, 0, size, ordering::compare);
        return order;
    }

    RowStore store() {
        return store;
    }

    /** Moves the kept rows to a fresh store (ids 0..size-1) and drops the rest. */
    private void compact() {
        context.checkCancelled();
        RowStore kept = new RowStore(context.allocator(), fields);
        try {
            kept.append(store, heap, 0, size);
        } catch (RuntimeException | Error e) {
            kept.close();
            throw e;
        }
        store.close();
        store = kept;
        for (int i = 0; i < size; i++) {
            heap[i] = i;
        }
        // Renumbering keeps the heap property: heap[i] = i maps position to the same row as before.
        ordering.reset();
        ordering.load(store);
    }

    private void siftUp(int index) {
        int row = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (ordering.compare(heap[parent], row) >= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = row;
    }

    private void siftDown(int index) {
        int row = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && ordering.compare(heap[right], heap[child]) > 0) {
                child = right;
            }
            if (ordering.compare(row, heap[child]) >= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = row;
    }

    @Override
    public void close() {
        ordering.close();
        store.close();
    }
}
