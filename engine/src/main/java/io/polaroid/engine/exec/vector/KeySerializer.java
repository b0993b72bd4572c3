package io.polaroid.engine.exec.vector;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes the key columns of each row of a batch as one byte string, so that two rows have equal strings
 * exactly when their keys are equal as SQL grouping/join keys: integers of any width as 8 bytes, floating
 * point as the 8 bytes of {@link ColumnValues#keyBits}, decimals as 16 bytes, booleans as 1 byte, strings
 * and binaries as a 4-byte length and their bytes. With NULLs as keys, each string starts with a bitmap of
 * the NULL columns (whose values are then omitted); otherwise rows with a NULL are flagged and left empty.
 *
 * <p>Serialization runs column at a time over the batch. The bytes live in a buffer reused across batches.
 */
final class KeySerializer implements AutoCloseable {
    private final ColumnKind[] kinds;
    private final boolean nullsAreKeys;
    private final int bitmapBytes;
    private final BufferAllocator allocator;
    private ArrowBuf buffer;
    private int[] starts = new int[0];
    private int[] lengths = new int[0];
    private boolean[] hasNull = new boolean[0];
    private long[] scratch = new long[0];
    private double[] doubles = new double[0];
    /** Bytes of the current batch's keys in {@link #buffer}. */
    private long written;

    KeySerializer(ColumnKind[] kinds, boolean nullsAreKeys, BufferAllocator allocator) {
        this.kinds = kinds.clone();
        this.nullsAreKeys = nullsAreKeys;
        this.bitmapBytes = nullsAreKeys ? (kinds.length + 7) >>> 3 : 0;
        this.allocator = allocator;
        this.buffer = allocator.getEmpty();
    }

    /** A serializer of the same key columns with buffers of its own (for another thread). */
    KeySerializer copy() {
        return new KeySerializer(kinds, nullsAreKeys, allocator);
    }

    ArrowBuf buffer() {
        return buffer;
    }

    int[] starts() {
        return starts;
    }

    int[] lengths() {
        return lengths;
    }

    /** Rows with a NULL key column, when NULLs are not keys. */
    boolean[] hasNull() {
        return hasNull;
    }

    void serialize(List<FieldVector> columns, int rowCount) {
        if (starts.length < rowCount) {
            int size = Math.max(rowCount, starts.length * 2);
            starts = new int[size];
            lengths = new int[size];
            hasNull = new boolean[size];
            scratch = new long[size];
            doubles = new double[size];
        }
        Arrays.fill(hasNull, 0, rowCount, false);
        Arrays.fill(lengths, 0, rowCount, bitmapBytes);
        for (int c = 0; c < kinds.length; c++) {
            addLengths(columns.get(c), kinds[c], rowCount);
        }
        long total = 0;
        for (int i = 0; i < rowCount; i++) {
            if (hasNull[i]) {
                lengths[i] = 0;
            }
            starts[i] = (int) total;
            total += lengths[i];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalStateException("keys of one batch exceed 2 GB");
        }
        ensureBuffer(total);
        written = total;
        // lengths[] doubles as each row's write cursor while the columns are written, then is restored.
        long base = BufferAccess.address(buffer, total);
        for (int i = 0; i < rowCount; i++) {
            if (bitmapBytes > 0) {
                MemoryUtil.setMemory(base + starts[i], bitmapBytes, (byte) 0);
            }
            lengths[i] = bitmapBytes;
        }
        for (int c = 0; c < kinds.length; c++) {
            writeColumn(columns.get(c), c, rowCount);
        }
    }

    private void addLengths(FieldVector column, ColumnKind kind, int rowCount) {
        boolean nulls = ColumnValues.mayHaveNulls(column, rowCount);
        long validity = nulls ? BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3) : 0;
        int fixed = switch (kind) {
            case BOOL -> 1;
            case LONG, FLOATING -> 8;
            case DECIMAL -> 16;
            case BYTES -> 4;
            case OTHER -> throw new IllegalArgumentException("cannot use " + column.getField() + " as a key");
        };
        long offsets = kind == ColumnKind.BYTES
                ? BufferAccess.address(column.getOffsetBuffer(), ((long) rowCount + 1) << 2) : 0;
        for (int i = 0; i < rowCount; i++) {
            if (nulls && BufferAccess.bit(validity, i) == 0) {
                if (!nullsAreKeys) {
                    hasNull[i] = true;
                }
            } else {
                int length = fixed;
                if (offsets != 0) {
                    length += MemoryUtil.getInt(offsets + (((long) i + 1) << 2)) - MemoryUtil.getInt(offsets + ((long) i << 2));
                }
                lengths[i] += length;
            }
        }
    }

    private void writeColumn(FieldVector column, int index, int rowCount) {
        ColumnKind kind = kinds[index];
        boolean nulls = ColumnValues.mayHaveNulls(column, rowCount);
        long validity = nulls ? BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3) : 0;
        if (kind == ColumnKind.LONG || kind == ColumnKind.BOOL) {
            ColumnValues.readLongs(column, rowCount, scratch);
        } else if (kind == ColumnKind.FLOATING) {
            ColumnValues.readDoubles(column, rowCount, doubles);
            for (int i = 0; i < rowCount; i++) {
                scratch[i] = ColumnValues.keyBits(doubles[i]);
            }
        }
        long data = 0;
        long offsets = 0;
        if (kind == ColumnKind.DECIMAL) {
            data = BufferAccess.address(column.getDataBuffer(), (long) rowCount << 4);
        } else if (kind == ColumnKind.BYTES) {
            offsets = BufferAccess.address(column.getOffsetBuffer(), ((long) rowCount + 1) << 2);
            data = BufferAccess.address(column.getDataBuffer(), MemoryUtil.getInt(offsets + ((long) rowCount << 2)));
        }
        long target = BufferAccess.address(buffer, written);
        for (int i = 0; i < rowCount; i++) {
            if (hasNull[i]) {
                continue;
            }
            if (nulls && BufferAccess.bit(validity, i) == 0) {
                long bitAt = target + starts[i] + (index >>> 3);
                MemoryUtil.putByte(bitAt, (byte) (MemoryUtil.getByte(bitAt) | (1 << (index & 7))));
                continue;
            }
            long at = target + starts[i] + lengths[i];
            switch (kind) {
                case BOOL -> {
                    MemoryUtil.putByte(at, (byte) scratch[i]);
                    lengths[i] += 1;
                }
                case LONG, FLOATING -> {
                    MemoryUtil.putLong(at, scratch[i]);
                    lengths[i] += 8;
                }
                case DECIMAL -> {
                    MemoryUtil.copyMemory(data + ((long) i << 4), at, 16);
                    lengths[i] += 16;
                }
                case BYTES -> {
                    int start = MemoryUtil.getInt(offsets + ((long) i << 2));
                    int length = MemoryUtil.getInt(offsets + (((long) i + 1) << 2)) - start;
                    MemoryUtil.putInt(at, length);
                    MemoryUtil.copyMemory(data + start, at + 4, length);
                    lengths[i] += 4 + length;
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
    }

    private void ensureBuffer(long bytes) {
        if (buffer.capacity() < bytes) {
            ArrowBuf bigger = allocator.buffer(Math.max(bytes, buffer.capacity() * 2));
            buffer.close();
            buffer = bigger;
        }
    }

    @Override
    public void close() {
        buffer.close();
        buffer = allocator.getEmpty();
    }
}
