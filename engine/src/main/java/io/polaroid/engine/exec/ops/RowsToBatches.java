package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.types.InternalValues;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.util.AutoCloseables;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns the rows of Calcite's row engine into batches: the bridge from the Enumerable convention back to
 * vectors. Rows are {@code Object[]}, or a bare value when the row has one column (Calcite's shape for
 * single-column results), or (rarely) an object of a generated record class.
 */
public final class RowsToBatches implements BatchSource {
    private final ExecutionContext context;
    private final Enumerator<?> rows;
    private final Schema schema;
    private final List<RelDataType> types;
    private List<FieldVector> vectors = List.of();
    private boolean exhausted;
    private boolean returnedAny;

    public RowsToBatches(ExecutionContext context, Enumerator<?> rows, Schema schema, RelDataType rowType) {
        this.context = Objects.requireNonNull(context, "context");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.types = new ArrayList<>();
        rowType.getFieldList().forEach(f -> types.add(f.getType()));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        releaseVectors();
        if (exhausted) {
            return null;
        }
        context.checkCancelled();
        int columnCount = types.size();
        List<FieldVector> batchVectors = new ArrayList<>(columnCount);
        try {
            InternalValues.Writer[] writers = new InternalValues.Writer[columnCount];
            for (int c = 0; c < columnCount; c++) {
                FieldVector vector = schema.getFields().get(c).createVector(context.allocator());
                batchVectors.add(vector);
                vector.allocateNew();
                writers[c] = InternalValues.writer(vector, types.get(c));
            }
            vectors = batchVectors;
            int row = 0;
            int limit = context.batchRows();
            while (row < limit) {
                if (!rows.moveNext()) {
                    exhausted = true;
                    break;
                }
                Object current = rows.current();
                for (int c = 0; c < columnCount; c++) {
                    writers[c].set(row, field(current, c, columnCount));
                }
                row++;
            }
            for (FieldVector vector : batchVectors) {
                vector.setValueCount(row);
            }
            if (row == 0 && returnedAny) {
                releaseVectors();
                return null;
            }
            returnedAny = true;
            return new Batch(batchVectors, row);
        } catch (RuntimeException | Error e) {
            vectors = batchVectors;
            releaseVectors();
            throw e;
        }
    }

    private Object field(Object row, int column, int columnCount) {
        if (columnCount == 1) {
            if (row instanceof Object[] && ((Object[]) row).length == 1 && !isArrayValued(types.get(0))) {
                return ((Object[]) row)[0];
            }
            return row;
        }
        if (row instanceof Object[]) {
            return ((Object[]) row)[column];
        }
        return reflectedField(row, column);
    }

    private static boolean isArrayValued(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ROW;
    }

    /** Rows of a generated record class keep their columns in public fields, in order. */
    private static Object reflectedField(Object row, int column) {
        Field[] fields = row.getClass().getFields();
        try {
            return fields[column].get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read column " + column + " of " + row.getClass(), e);
        }
    }

    private void releaseVectors() {
        if (!vectors.isEmpty()) {
            List<FieldVector> toClose = vectors;
            vectors = List.of();
            try {
                AutoCloseables.close(toClose);
            } catch (Exception e) {
                throw new IllegalStateException("could not free a batch", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            releaseVectors();
        } finally {
            rows.close();
        }
    }
}
