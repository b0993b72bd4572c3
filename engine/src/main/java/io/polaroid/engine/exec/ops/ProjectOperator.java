package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.expr.Evaluator;
import io.polaroid.engine.expr.Projection;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Computes output columns from input batches. A column that is just an input column is passed on
 * without copying; computed columns are evaluated a column at a time into vectors the operator owns and
 * reuses for every batch.
 */
public final class ProjectOperator implements BatchSource {
    private final ExecutionContext context;
    private final BatchSource input;
    private final Schema schema;
    /** Per output column: the input column it passes on, or -1 when computed. */
    private final int[] passThrough;
    private final Evaluator[] evaluators;
    private final FieldVector[] computed;

    /**
     * @param passThrough per output column, the input column passed on unchanged, or -1
     * @param evaluators  per output column, its evaluator when computed (null when passed on)
     */
    public ProjectOperator(ExecutionContext context, BatchSource input, Schema schema, int[] passThrough,
                           Evaluator[] evaluators) {
        this.context = context;
        this.input = input;
        this.schema = schema;
        this.passThrough = passThrough.clone();
        this.evaluators = evaluators.clone();
        this.computed = new FieldVector[passThrough.length];
        try {
            for (int c = 0; c < passThrough.length; c++) {
                if (passThrough[c] < 0) {
                    Field field = schema.getFields().get(c);
                    computed[c] = field.createVector(context.allocator());
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        context.checkCancelled();
        Batch batch = input.next();
        if (batch == null) {
            return null;
        }
        List<FieldVector> columns = new ArrayList<>(passThrough.length);
        for (int c = 0; c < passThrough.length; c++) {
            if (passThrough[c] >= 0) {
                columns.add(batch.column(passThrough[c]));
            } else {
                Projection.evaluateInto(evaluators[c], batch, computed[c]);
                columns.add(computed[c]);
            }
        }
        return new Batch(columns, batch.rowCount());
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            List<FieldVector> owned = new ArrayList<>();
            for (FieldVector vector : computed) {
                if (vector != null) {
                    owned.add(vector);
                }
            }
            try {
                AutoCloseables.close(owned);
            } catch (Exception e) {
                throw new IllegalStateException("could not free projected columns", e);
            }
        }
    }
}
