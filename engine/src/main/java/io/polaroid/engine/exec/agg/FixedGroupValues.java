package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.VectorGather;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** {@link GroupValues} of a fixed-width type, kept in an Arrow vector indexed by group (random writes are fine). */
final class FixedGroupValues extends GroupValues {
    private final BaseFixedWidthVector values;

    FixedGroupValues(Field field, BufferAllocator allocator) {
        this.values = (BaseFixedWidthVector) field.createVector(allocator);
    }

    @Override
    long bytesPerGroup() {
        return 0;
    }

    @Override
    void grow(int capacity) {
        // New slots come zeroed (Arrow zero-fills allocations and the grown part of reallocations): NULL.
        VectorGather.ensureFixedCapacity(values, capacity);
        // Gathers trust the value count to tell where NULLs may be: cover every group.
        values.setValueCount(capacity);
    }

    @Override
    void set(int group, FieldVector source, int row) {
        values.copyFromSafe(row, group, source);
    }

    @Override
    void write(int from, int count, FieldVector target) {
        VectorGather.copyRange(values, from, count, target, 0);
    }

    @Override
    public void close() {
        values.close();
    }
}
