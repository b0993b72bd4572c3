package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The ORDER BY of rows in a {@link RowStore}: compares two stored rows by every key with its direction and
 * NULL placement, and offers the first key as a {@code long} prefix for radix sorting.
 */
final class RowOrdering implements AutoCloseable {
    private final SortKey[] keys;
    private final SortKeyColumn[] columns;

    RowOrdering(List<SortKey> keys, List<Field> fields, MemoryReservation memory) {
        this.keys = keys.toArray(new SortKey[0]);
        this.columns = new SortKeyColumn[this.keys.length];
        for (int k = 0; k < this.keys.length; k++) {
            columns[k] = SortKeyColumn.create(ColumnKind.of(fields.get(this.keys[k].column()).getType()), memory);
        }
    }

    /** Prepares the rows appended to {@code store} since the last call. */
    void load(RowStore store) {
        for (int k = 0; k < keys.length; k++) {
            columns[k].load(store, keys[k].column());
        }
    }

    /** Forgets all rows, before loading a replacement store. */
    void reset() {
        for (SortKeyColumn column : columns) {
            column.reset();
        }
    }

    int keyCount() {
        return keys.length;
    }

    /** Negative, zero or positive as row {@code a} sorts before, with, or after row {@code b}. */
    int compare(int a, int b) {
        for (int k = 0; k < keys.length; k++) {
            SortKeyColumn column = columns[k];
            boolean nullA = column.isNull(a);
            boolean nullB = column.isNull(b);
            if (nullA || nullB) {
                if (nullA && nullB) {
                    continue;
                }
                return nullA == keys[k].nullsFirst() ? -1 : 1;
            }
            int c = column.compareValues(a, b);
            if (c != 0) {
                return keys[k].ascending() ? c : -c;
            }
        }
        return 0;
    }

    boolean firstKeyNull(int row) {
        return columns[0].isNull(row);
    }

    /** The first key of a non-NULL row as a {@code long} whose signed order is the sort order. */
    long firstKeyPrefix(int row) {
        long prefix = columns[0].prefix(row);
        return keys[0].ascending() ? prefix : ~prefix;
    }

    boolean firstKeyNullsFirst() {
        return keys[0].nullsFirst();
    }

    /** Whether rows with equal first-key prefixes still need {@link #compare} to be ordered. */
    boolean prefixNeedsTieBreak() {
        return keys.length > 1 || !columns[0].exactPrefix();
    }

    @Override
    public void close() {
        for (SortKeyColumn column : columns) {
            column.close();
        }
    }
}
