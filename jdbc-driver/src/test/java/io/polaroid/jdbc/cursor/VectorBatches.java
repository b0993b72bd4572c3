package io.polaroid.jdbc.cursor;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A batch source over vectors built by a test: each root is one batch. It owns the roots (closing it
 * frees them) and can be told to fail when a given batch is pulled.
 */
final class VectorBatches implements BatchSource {
    private final Schema schema;
    private final List<VectorSchemaRoot> roots;
    private final int failAt;
    private final PolaroidException failure;
    private int next;
    private boolean closed;

    private VectorBatches(Schema schema, List<VectorSchemaRoot> roots, int failAt, PolaroidException failure) {
        this.schema = Objects.requireNonNull(schema);
        this.roots = new ArrayList<>(roots);
        this.failAt = failAt;
        this.failure = failure;
    }

    static VectorBatches of(Schema schema, List<VectorSchemaRoot> roots) {
        return new VectorBatches(schema, roots, -1, null);
    }

    static VectorBatches of(VectorSchemaRoot root) {
        return of(root.getSchema(), List.of(root));
    }

    /** Fails with {@code failure} when batch {@code failAt} (0-based) is pulled. */
    static VectorBatches failingAt(Schema schema, List<VectorSchemaRoot> roots, int failAt, PolaroidException failure) {
        return new VectorBatches(schema, roots, failAt, failure);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("next() after close()");
        }
        if (next == failAt) {
            next++;
            throw failure;
        }
        if (next >= roots.size()) {
            return null;
        }
        VectorSchemaRoot root = roots.get(next++);
        List<FieldVector> columns = root.getFieldVectors();
        return new Batch(columns, root.getRowCount());
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            roots.forEach(VectorSchemaRoot::close);
        }
    }
}
