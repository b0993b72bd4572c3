package io.polaroid.engine.exec.ops;

import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanSplit;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the splits of a {@link ScanPlan} one after another on the consumer's thread, in plan order.
 * Closing it closes the open split and the plan.
 */
public final class SplitScanSource implements BatchSource {
    private final ExecutionContext context;
    private final ScanPlan plan;
    private final List<ScanSplit> splits;
    private int nextSplit;
    private BatchSource current;
    private boolean returnedAny;
    private boolean closed;

    public SplitScanSource(ExecutionContext context, ScanPlan plan) {
        this.context = context;
        this.plan = plan;
        this.splits = plan.splits();
    }

    @Override
    public Schema schema() {
        return plan.schema();
    }

    @Override
    public Batch next() {
        while (true) {
            context.checkCancelled();
            if (current == null) {
                if (nextSplit >= splits.size()) {
                    return null;
                }
                current = splits.get(nextSplit++).open(context.allocator());
            }
            Batch batch = current.next();
            if (batch == null) {
                BatchSource done = current;
                current = null;
                done.close();
                continue;
            }
            if (batch.rowCount() == 0 && (returnedAny || nextSplit < splits.size())) {
                continue; // empty batches only as the single batch of an empty result
            }
            returnedAny = true;
            return batch;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            plan.close();
        }
    }
}
