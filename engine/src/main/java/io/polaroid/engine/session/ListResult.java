package io.polaroid.engine.session;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small result known in full before it is returned (SHOW DATASETS, EXPLAIN): one batch of VARCHAR,
 * INTEGER and BIGINT columns, in memory of its own allocator, freed on close.
 */
final class ListResult implements QueryResult {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final List<FieldVector> vectors = new ArrayList<>();
    private final int rowCount;
    private boolean returned;

    /** @param rows values per row: String, Integer or Long (or null), matching the schema's columns */
    ListResult(Schema schema, List<Object[]> rows, BufferAllocator parent) {
        this.schema = schema;
        this.allocator = parent.newChildAllocator("list-result", 0, Long.MAX_VALUE);
        this.rowCount = rows.size();
        try {
            for (int c = 0; c < schema.getFields().size(); c++) {
                Field field = schema.getFields().get(c);
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                vector.allocateNew();
                for (int r = 0; r < rows.size(); r++) {
                    set(vector, r, rows.get(r)[c]);
                }
                vector.setValueCount(rows.size());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            if (vector instanceof VarCharVector) {
                ((VarCharVector) vector).setNull(row);
            } else if (vector instanceof IntVector) {
                ((IntVector) vector).setNull(row);
            } else {
                ((BigIntVector) vector).setNull(row);
            }
        } else if (vector instanceof VarCharVector) {
            ((VarCharVector) vector).setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof IntVector) {
            ((IntVector) vector).setSafe(row, ((Number) value).intValue());
        } else {
            ((BigIntVector) vector).setSafe(row, ((Number) value).longValue());
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (returned) {
            return null;
        }
        returned = true;
        return new Batch(vectors, rowCount);
    }

    @Override
    public long updateCount() {
        return -1;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            AutoCloseables.close(vectors);
        } catch (Exception e) {
            throw new IllegalStateException("could not free a result", e);
        } finally {
            vectors.clear();
            allocator.close();
        }
    }
}
