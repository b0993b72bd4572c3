package io.polaroid.parquet.read;

import io.polaroid.parquet.format.RowGroupMeta;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** A requested column the file does not have: every row is null (how datasets merge differing files). */
public final class NullColumnReader implements ColumnReader {
    private final Field target;

    public NullColumnReader(Field target) {
        this.target = target;
    }

    @Override
    public String name() {
        return target.getName();
    }

    @Override
    public void startRowGroup(RowGroupMeta rowGroup) {
    }

    @Override
    public FieldVector readBatch(int rows, BufferAllocator allocator) {
        FieldVector vector = target.createVector(allocator);
        try {
            vector.setInitialCapacity(rows);
            vector.allocateNew();
            Vectors.ensureCapacity(vector, rows);
            Vectors.zero(vector);
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }
}
