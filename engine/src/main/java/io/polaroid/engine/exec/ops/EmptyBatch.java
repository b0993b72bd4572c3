package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A batch of zero rows in a given schema, for the one batch an empty result carries. */
public final class EmptyBatch implements AutoCloseable {
    private final List<FieldVector> vectors = new ArrayList<>();
    private final Batch batch;

    public EmptyBatch(Schema schema, BufferAllocator allocator) {
        for (Field field : schema.getFields()) {
            FieldVector vector = field.createVector(allocator);
            vector.setValueCount(0);
            vectors.add(vector);
        }
        batch = new Batch(vectors, 0);
    }

    public Batch batch() {
        return batch;
    }

    @Override
    public void close() {
        try {
            AutoCloseables.close(vectors);
        } catch (Exception e) {
            throw new IllegalStateException("could not free an empty batch", e);
        }
    }
}
