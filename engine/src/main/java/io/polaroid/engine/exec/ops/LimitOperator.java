package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.VectorGather;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code OFFSET n} and {@code LIMIT m} without ordering: skips the first rows, stops pulling input once
 * enough rows have passed. Rows are copied only for the batch that straddles the offset.
 */
public final class LimitOperator implements BatchSource {
    private final ExecutionContext context;
    private final BatchSource input;
    private long toSkip;
    private long remaining;
    private OutputBatch output;
    private boolean returnedAny;

    /** @param fetch rows to return after the offset, or -1 for all */
    public LimitOperator(ExecutionContext context, BatchSource input, long offset, long fetch) {
        this.context = context;
        this.input = input;
        this.toSkip = offset;
        this.remaining = fetch < 0 ? Long.MAX_VALUE : fetch;
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            context.checkCancelled();
            Batch batch = input.next();
            if (batch == null) {
                break;
            }
            int rows = batch.rowCount();
            if (toSkip >= rows) {
                toSkip -= rows;
                continue;
            }
            int from = (int) toSkip;
            toSkip = 0;
            int count = (int) Math.min(rows - from, remaining);
            if (count <= 0) {
                continue;
            }
            remaining -= count;
            returnedAny = true;
            if (from == 0) {
                return count == rows ? batch : new Batch(batch.columns(), count);
            }
            OutputBatch out = output();
            out.reset();
            for (int c = 0; c < batch.columnCount(); c++) {
                VectorGather.copyRange(batch.column(c), from, count, out.vector(c), 0);
            }
            return out.finish(count);
        }
        if (!returnedAny) {
            returnedAny = true;
            OutputBatch out = output();
            out.reset();
            return out.finish(0);
        }
        return null;
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
