package io.polaroid.engine.exec.window;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * A function argument read from the stored rows into arrays in window order (index = position), so the
 * sliding kernels run over plain arrays: NULL flags, and the values as {@code long}s, {@code double}s, or
 * {@code long}s whose signed order is the SQL order (for MIN/MAX). Accounted to the given reservation.
 */
final class ArgumentValues {
    /** How to read the values. */
    enum Form {
        /** NULL flags only (COUNT). */
        NULLS,
        /** Integer values (LONG and BOOL columns). */
        LONGS,
        /** Numeric values as doubles (FLOATING or integer columns). */
        DOUBLES,
        /** Order-preserving longs of LONG, BOOL or FLOATING columns. */
        SORTABLE
    }

    /** NULL flags by position, or null when the column holds no NULL. */
    final boolean[] nulls;
    final long[] longs;
    final double[] doubles;

    private ArgumentValues(boolean[] nulls, long[] longs, double[] doubles) {
        this.nulls = nulls;
        this.longs = longs;
        this.doubles = doubles;
    }

    boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    static ArgumentValues load(RowStore store, int column, SortedRows sorted, Form form, MemoryReservation memory) {
        int rowCount = store.rowCount();
        int[] order = sorted.order();
        FieldVector[] chunks = store.chunks(column);
        boolean floating = ColumnKind.of(store.fields().get(column).getType()) == ColumnKind.FLOATING;
        boolean[] nulls = loadNulls(chunks, rowCount, order, memory);
        long[] longs = null;
        double[] doubles = null;
        if (form != Form.NULLS) {
            // read by row id a chunk at a time, then permute into window order
            memory.reserve(16L * rowCount);
            if (form == Form.DOUBLES || (form == Form.SORTABLE && floating)) {
                double[] byRow = new double[rowCount];
                for (int chunk = 0; chunk < chunks.length; chunk++) {
                    int from = chunk * RowStore.CHUNK_ROWS;
                    ColumnValues.readDoubles(chunks[chunk], 0, chunkRows(chunk, rowCount), byRow, from);
                }
                if (form == Form.DOUBLES) {
                    doubles = new double[rowCount];
                    for (int p = 0; p < rowCount; p++) {
                        doubles[p] = byRow[order[p]];
                    }
                } else {
                    longs = new long[rowCount];
                    for (int p = 0; p < rowCount; p++) {
                        longs[p] = ColumnValues.sortableBits(byRow[order[p]]);
                    }
                }
            } else {
                long[] byRow = new long[rowCount];
                for (int chunk = 0; chunk < chunks.length; chunk++) {
                    int from = chunk * RowStore.CHUNK_ROWS;
                    ColumnValues.readLongs(chunks[chunk], 0, chunkRows(chunk, rowCount), byRow, from);
                }
                longs = new long[rowCount];
                for (int p = 0; p < rowCount; p++) {
                    longs[p] = byRow[order[p]];
                }
            }
            memory.release(8L * rowCount); // the by-row array is garbage now
        }
        return new ArgumentValues(nulls, longs, doubles);
    }

    private static boolean[] loadNulls(FieldVector[] chunks, int rowCount, int[] order, MemoryReservation memory) {
        boolean any = false;
        for (FieldVector chunk : chunks) {
            any |= ColumnValues.mayHaveNulls(chunk);
        }
        if (!any) {
            return null;
        }
        memory.reserve(2L * rowCount);
        boolean[] byRow = new boolean[rowCount];
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            if (!ColumnValues.mayHaveNulls(chunks[chunk])) {
                continue;
            }
            ArrowBuf validity = chunks[chunk].getValidityBuffer();
            int from = chunk * RowStore.CHUNK_ROWS;
            int count = chunkRows(chunk, rowCount);
            for (int i = 0; i < count; i++) {
                byRow[from + i] = ColumnValues.isNull(validity, i);
            }
        }
        boolean[] nulls = new boolean[rowCount];
        for (int p = 0; p < rowCount; p++) {
            nulls[p] = byRow[order[p]];
        }
        memory.release(rowCount);
        return nulls;
    }

    private static int chunkRows(int chunk, int rowCount) {
        return Math.min(RowStore.CHUNK_ROWS, rowCount - chunk * RowStore.CHUNK_ROWS);
    }
}
