package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.MemoryReservation;

/**
 * Orders all rows of a store: rows whose first key is NULL go to one end; the others are radix-sorted by
 * the first key's {@code long} prefix; runs of equal prefixes are then sorted by the full
 * {@link RowOrdering} when the prefix does not decide (more keys, or a string/wide-decimal first key).
 * A single numeric key is therefore a pure primitive radix sort.
 */
final class RowSorter {
    private RowSorter() {
    }

    /** The row ids {@code 0..rowCount-1} in sort order. Temporary arrays are accounted to {@code memory}. */
    static int[] sort(RowOrdering ordering, int rowCount, MemoryReservation memory, ExecutionContext context) {
        long scratchBytes = 24L * rowCount;
        memory.reserve(4L * rowCount + scratchBytes);
        int[] order = new int[rowCount];
        if (ordering.keyCount() == 0) {
            for (int i = 0; i < rowCount; i++) {
                order[i] = i;
            }
            memory.release(scratchBytes);
            return order;
        }
        int nullRows = 0;
        for (int row = 0; row < rowCount; row++) {
            if (ordering.firstKeyNull(row)) {
                nullRows++;
            }
        }
        int valueRows = rowCount - nullRows;
        long[] keys = new long[valueRows];
        int[] rows = new int[valueRows];
        int nullAt = ordering.firstKeyNullsFirst() ? 0 : valueRows;
        int valueAt = 0;
        for (int row = 0; row < rowCount; row++) {
            if (ordering.firstKeyNull(row)) {
                order[nullAt++] = row;
            } else {
                keys[valueAt] = ordering.firstKeyPrefix(row);
                rows[valueAt++] = row;
            }
        }
        context.checkCancelled();
        long[] keyScratch = new long[valueRows];
        int[] rowScratch = new int[valueRows];
        if (RadixSort.sort(keys, rows, keyScratch, rowScratch, valueRows)) {
            keys = keyScratch;
            rows = rowScratch;
        }
        keyScratch = null;
        rowScratch = null;
        context.checkCancelled();
        if (ordering.prefixNeedsTieBreak()) {
            int start = 0;
            while (start < valueRows) {
                int end = start + 1;
                while (end < valueRows && keys[end] == keys[start]) {
                    end++;
                }
                if (end - start > 1) {
                    IntMergeSort.sort(rows, start, end, ordering::compare);
                }
                start = end;
            }
            int nullStart = ordering.firstKeyNullsFirst() ? 0 : valueRows;
            IntMergeSort.sort(order, nullStart, nullStart + nullRows, ordering::compare);
        }
        System.arraycopy(rows, 0, order, ordering.firstKeyNullsFirst() ? nullRows : 0, valueRows);
        memory.release(scratchBytes);
        return order;
    }
}
