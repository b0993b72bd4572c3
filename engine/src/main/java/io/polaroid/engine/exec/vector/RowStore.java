package io.polaroid.engine.exec.vector;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Rows an operator retains beyond the life of its input batches (a hash-join build side, a sort's input,
 * the representative key of each group), copied into Arrow vectors it owns.
 *
 * <p>Rows are stored in chunks of exactly {@link #CHUNK_ROWS} rows (the last one may be shorter), so a
 * row's number is also its address for {@link VectorGather}: chunk {@code row >>> CHUNK_SHIFT}, offset
 * {@code row & (CHUNK_ROWS - 1)}. Rows can only be appended. All memory comes from the given allocator.
 */
public final class RowStore implements AutoCloseable {
    public static final int CHUNK_SHIFT = 16;
    public static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_ROWS - 1;
    /** Row numbers are non-negative ints (negative addresses mean NULL to {@link VectorGather}). */
    public static final int MAX_ROWS = Integer.MAX_VALUE - CHUNK_ROWS;

    private final BufferAllocator allocator;
    private final List<Field> fields;
    /** columns.get(c).get(k): column c of chunk k. */
    private final List<List<FieldVector>> columns = new ArrayList<>();
    private FieldVector[][] chunkArrays;
    /** nulls.get(c).get(k): whether chunk k of column c may hold a NULL (if not, gathers skip its validity). */
    private final List<List<Boolean>> nulls = new ArrayList<>();
    private boolean[][] nullArrays;
    private int rowCount;
    private int chunkCount;

    public RowStore(BufferAllocator allocator, List<Field> fields) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        for (int c = 0; c < this.fields.size(); c++) {
            columns.add(new ArrayList<>());
            nulls.add(new ArrayList<>());
        }
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return fields.size();
    }

    public List<Field> fields() {
        return fields;
    }

    /** Appends rows {@code [from, from+count)} of {@code source}, one vector per stored column. */
    public void append(List<FieldVector> source, int from, int count) {
        checkColumns(source.size(), count);
        appendChunked(count, (column, done, n, target, targetRow) -> {
            VectorGather.copyRange(source.get(column), from + done, n, target, targetRow);
            return ColumnValues.mayHaveNulls(source.get(column));
        });
    }

    /** Appends the rows {@code rows[from .. from+count)} of {@code source} (negative: a row of NULLs). */
    public void append(List<FieldVector> source, int[] rows, int from, int count) {
        checkColumns(source.size(), count);
        appendChunked(count, (column, done, n, target, targetRow) -> {
            VectorGather.gather(source.get(column), rows, from + done, n, target, targetRow);
            return ColumnValues.mayHaveNulls(source.get(column)) || anyNegative(rows, from + done, n);
        });
    }

    /** Appends the rows {@code rows[from .. from+count)} (negative: NULLs) of another store with the same columns. */
    public void append(RowStore source, int[] rows, int from, int count) {
        checkColumns(source.columnCount(), count);
        appendChunked(count, (column, done, n, target, targetRow) -> {
            source.gather(column, rows, from + done, n, target, targetRow);
            return source.nulls.get(column).contains(Boolean.TRUE) || anyNegative(rows, from + done, n);
        });
    }

    /** Writes {@code n} source rows starting at the {@code done}-th into a chunk; returns whether they may hold NULLs. */
    @FunctionalInterface
    private interface ChunkWriter {
        boolean write(int column, int done, int n, FieldVector target, int targetRow);
    }

    /** Appends {@code count} rows, filling the last chunk and starting new ones as needed. */
    private void appendChunked(int count, ChunkWriter writer) {
        int done = 0;
        while (done < count) {
            int chunkRow = prepareChunk();
            int n = Math.min(count - done, CHUNK_ROWS - chunkRow);
            for (int c = 0; c < fields.size(); c++) {
                noteNulls(c, writer.write(c, done, n, lastChunk(c), chunkRow));
            }
            finishAppend(chunkRow + n);
            done += n;
        }
    }

    /** The vectors of {@code column}, one per chunk, for {@link VectorGather} with {@link #CHUNK_SHIFT}. */
    public FieldVector[] chunks(int column) {
        if (chunkArrays == null) {
            chunkArrays = new FieldVector[fields.size()][];
        }
        FieldVector[] chunks = chunkArrays[column];
        if (chunks == null) {
            chunks = columns.get(column).toArray(new FieldVector[0]);
            chunkArrays[column] = chunks;
        }
        return chunks;
    }

    /** Copies stored rows {@code rowIds[from .. from+count)} (negative: NULL) of {@code column} to {@code target}. */
    public void gather(int column, int[] rowIds, int from, int count, FieldVector target, int targetIndex) {
        FieldVector[] chunks = chunks(column);
        if (nullArrays == null) {
            nullArrays = new boolean[fields.size()][];
        }
        boolean[] mayHaveNulls = nullArrays[column];
        if (mayHaveNulls == null) {
            mayHaveNulls = new boolean[chunks.length];
            for (int k = 0; k < mayHaveNulls.length; k++) {
                mayHaveNulls[k] = nulls.get(column).get(k);
            }
            nullArrays[column] = mayHaveNulls;
        }
        VectorGather.gather(chunks, mayHaveNulls, CHUNK_SHIFT, rowIds, from, count, target, targetIndex);
    }

    /**
     * Prepares the lazily built lookup arrays of every column, so that {@link #gather} and {@link #chunks}
     * only read from now on and several threads can gather at once (no rows may be appended after this).
     */
    public void prepareConcurrentReads() {
        for (int c = 0; c < fields.size(); c++) {
            gather(c, new int[0], 0, 0, null, 0);
        }
    }

    /** The chunk holding {@code row}, and the row's index in it. */
    public static int chunkOf(int row) {
        return row >>> CHUNK_SHIFT;
    }

    public static int indexInChunk(int row) {
        return row & CHUNK_MASK;
    }

    /** Bytes of Arrow memory the stored rows occupy. */
    public long bufferSize() {
        long size = 0;
        for (List<FieldVector> column : columns) {
            for (FieldVector vector : column) {
                size += vector.getBufferSize();
            }
        }
        return size;
    }

    private void checkColumns(int sourceColumns, int count) {
        if ((long) rowCount + count > MAX_ROWS) {
            throw new PolaroidException(ErrorCode.OUT_OF_MEMORY, "cannot retain more than " + MAX_ROWS
                    + " rows in one operator");
        }
        if (sourceColumns != fields.size()) {
            throw new IllegalArgumentException("row store of " + fields.size() + " columns given "
                    + sourceColumns + " source columns");
        }
    }

    private void noteNulls(int column, boolean mayHaveNulls) {
        if (mayHaveNulls) {
            List<Boolean> flags = nulls.get(column);
            if (!flags.get(chunkCount - 1)) {
                flags.set(chunkCount - 1, true);
                nullArrays = null;
            }
        }
    }

    private static boolean anyNegative(int[] rows, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (rows[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Starts a chunk when the last one is full; returns the next free row in the last chunk. */
    private int prepareChunk() {
        if (rowCount == chunkCount * CHUNK_ROWS) {
            for (int c = 0; c < fields.size(); c++) {
                columns.get(c).add(fields.get(c).createVector(allocator));
                nulls.get(c).add(false);
            }
            chunkCount++;
            chunkArrays = null;
            nullArrays = null;
        }
        return rowCount - (chunkCount - 1) * CHUNK_ROWS;
    }

    private FieldVector lastChunk(int column) {
        return columns.get(column).get(chunkCount - 1);
    }

    private void finishAppend(int chunkRows) {
        for (int c = 0; c < fields.size(); c++) {
            lastChunk(c).setValueCount(chunkRows);
        }
        rowCount = (chunkCount - 1) * CHUNK_ROWS + chunkRows;
    }

    @Override
    public void close() {
        List<FieldVector> all = new ArrayList<>();
        for (List<FieldVector> column : columns) {
            all.addAll(column);
            column.clear();
        }
        chunkArrays = null;
        nullArrays = null;
        nulls.forEach(List::clear);
        rowCount = 0;
        chunkCount = 0;
        try {
            AutoCloseables.close(all);
        } catch (Exception e) {
            throw new IllegalStateException("closing row store vectors", e);
        }
    }
}
