package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link GroupValues} of Utf8/Binary: a byte array per group (strings are replaced in place, which a
 * variable-width Arrow vector cannot do). The arrays' sizes are accounted as they change.
 */
final class BytesGroupValues extends GroupValues {
    /** Rough per-array JVM overhead, accounted with the bytes. */
    private static final int ARRAY_OVERHEAD = 16;

    private final MemoryReservation memory;
    private byte[][] values = new byte[0][];
    private long held;

    BytesGroupValues(MemoryReservation memory) {
        this.memory = memory;
    }

    @Override
    long bytesPerGroup() {
        return 8;
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void set(int group, FieldVector source, int row) {
        byte[] value = null;
        if (!ColumnValues.isNull(source.getValidityBuffer(), row)) {
            ArrowBuf offsets = source.getOffsetBuffer();
            int start = offsets.getInt((long) row << 2);
            int length = offsets.getInt(((long) row + 1) << 2) - start;
            value = new byte[length];
            source.getDataBuffer().getBytes(start, value, 0, length);
        }
        replace(group, value);
    }

    /** Sets {@code group} to a copy of bytes {@code [start, start+length)} of {@code data}. */
    void set(int group, ArrowBuf data, int start, int length) {
        byte[] value = new byte[length];
        data.getBytes(start, value, 0, length);
        replace(group, value);
    }

    /** The value of {@code group}, or null when NULL or unset. */
    byte[] get(int group) {
        return values[group];
    }

    private void replace(int group, byte[] value) {
        byte[] old = values[group];
        long before = old == null ? 0 : old.length + ARRAY_OVERHEAD;
        long after = value == null ? 0 : value.length + ARRAY_OVERHEAD;
        memory.reserve(after);
        values[group] = value;
        memory.release(before);
        held += after - before;
    }

    @Override
    void write(int from, int count, FieldVector target) {
        BaseVariableWidthVector strings = (BaseVariableWidthVector) target;
        for (int i = 0; i < count; i++) {
            byte[] value = values[from + i];
            if (value == null) {
                strings.setNull(i);
            } else {
                strings.setSafe(i, value);
            }
        }
    }

    @Override
    public void close() {
        memory.release(held);
        held = 0;
        values = new byte[0][];
    }
}
