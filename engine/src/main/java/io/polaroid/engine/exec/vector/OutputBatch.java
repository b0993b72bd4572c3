package io.polaroid.engine.exec.vector;

import io.polaroid.columnar.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The vectors an operator fills and hands out as its output {@link Batch}es. The vectors are reused from
 * batch to batch ({@link #reset()} keeps their buffers), which the batch contract allows: a batch is valid
 * only until the producer's next call.
 */
public final class OutputBatch implements AutoCloseable {
    private final List<FieldVector> vectors;

    public OutputBatch(List<Field> fields, BufferAllocator allocator) {
        Objects.requireNonNull(allocator, "allocator");
        List<FieldVector> created = new ArrayList<>(fields.size());
        for (Field field : fields) {
            created.add(field.createVector(allocator));
        }
        this.vectors = List.copyOf(created);
    }

    public FieldVector vector(int column) {
        return vectors.get(column);
    }

    public List<FieldVector> vectors() {
        return vectors;
    }

    public int columnCount() {
        return vectors.size();
    }

    /** Empties the vectors for the next batch, keeping their buffers. */
    public void reset() {
        for (FieldVector vector : vectors) {
            vector.reset();
        }
    }

    /**
     * Prepares for a batch whose every row will be written by {@link VectorGather} from row 0 on: flat
     * vectors (Bool, fixed-width, Utf8/Binary) keep their buffers as they are, since the gather writes
     * every value, validity bit and offset of the rows; other vectors are {@link #reset}. This saves
     * zeroing whole buffers per batch.
     */
    public void resetForGather() {
        for (FieldVector vector : vectors) {
            if (!(vector instanceof BaseFixedWidthVector) && !(vector instanceof BaseVariableWidthVector)) {
                vector.reset();
            }
        }
    }

    /** Sets the value counts and wraps the vectors as a batch of {@code rowCount} rows. */
    public Batch finish(int rowCount) {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rowCount);
        }
        return new Batch(vectors, rowCount);
    }

    @Override
    public void close() {
        try {
            AutoCloseables.close(vectors);
        } catch (Exception e) {
            throw new IllegalStateException("closing output vectors", e);
        }
    }
}
