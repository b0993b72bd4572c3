package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;

/**
 * A vector operator that handles each batch on its own, keeping nothing from one batch to the next
 * (filters, projections). A chain of them over a scan can run once per scan thread, each thread with its
 * own operators over the splits it reads ({@link Pipelines}).
 */
interface BatchwiseVectorRel extends VectorRel {

    /** This node's operator over {@code input}; the operator owns and closes {@code input}. */
    BatchSource apply(QueryRuntime runtime, BatchSource input);

    /**
     * Whether this node, as planned, handles batches one at a time (a join emitting unmatched build rows
     * at the end does not); when not, {@link #apply} is not used and the node executes on its own.
     */
    default boolean batchwise() {
        return true;
    }

    /** Runs the chain of batchwise operators that ends at this node, in parallel over a scan when it can. */
    @Override
    default BatchSource execute(QueryRuntime runtime) {
        return Pipelines.execute(this, runtime);
    }
}
