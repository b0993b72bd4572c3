package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One retained value per group, of any comparable type, overwritten at will: the value FIRST, LAST,
 * ANY_VALUE and ARG_MIN/ARG_MAX return. Unset groups read as NULL.
 */
abstract class GroupValues implements AutoCloseable {

    static GroupValues create(Field field, BufferAllocator allocator, MemoryReservation memory) {
        return ColumnKind.of(field.getType()) == ColumnKind.BYTES
                ? new BytesGroupValues(memory)
                : new FixedGroupValues(field, allocator);
    }

    /** Heap bytes per group to account when growing (Arrow-backed values account themselves). */
    abstract long bytesPerGroup();

    abstract void grow(int capacity);

    /** Sets the value of {@code group} to row {@code row} of {@code source} (NULL included). */
    abstract void set(int group, FieldVector source, int row);

    /** Writes groups {@code [from, from+count)} to rows {@code [0, count)} of {@code target}. */
    abstract void write(int from, int count, FieldVector target);

    @Override
    public abstract void close();
}
