package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.VectorGather;
import io.polaroid.engine.expr.Evaluator;
import io.polaroid.engine.expr.Selection;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Keeps the rows where a condition is TRUE (not FALSE, not NULL). A batch whose rows all pass is handed on
 * as it is; otherwise the selected rows are gathered into vectors of the operator's own. Batches where
 * nothing passes are skipped.
 */
public final class FilterOperator implements BatchSource {
    private final ExecutionContext context;
    private final BatchSource input;
    private final Evaluator condition;
    private final Selection selection = new Selection();
    private OutputBatch output;
    private boolean returnedAny;

    public FilterOperator(ExecutionContext context, BatchSource input, Evaluator condition) {
        this.context = context;
        this.input = input;
        this.condition = condition;
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public Batch next() {
        while (true) {
            context.checkCancelled();
            Batch batch = input.next();
            if (batch == null) {
                return returnedAny ? null : emptyBatch();
            }
            int rows = batch.rowCount();
            int selected = selection.select(condition, batch);
            if (selected == rows && rows > 0) {
                returnedAny = true;
                return batch;
            }
            if (selected == 0) {
                continue;
            }
            OutputBatch out = output();
            out.resetForGather();
            int[] indices = selection.indices();
            for (int c = 0; c < batch.columnCount(); c++) {
                VectorGather.gather(batch.column(c), indices, 0, selected, out.vector(c), 0);
            }
            returnedAny = true;
            return out.finish(selected);
        }
    }

    private Batch emptyBatch() {
        returnedAny = true;
        OutputBatch out = output();
        out.reset();
        return out.finish(0);
    }

    private OutputBatch output() {
        if (output == null) {
            output = new OutputBatch(input.schema().getFields(), context.allocator());
        }
        return output;
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }
}
