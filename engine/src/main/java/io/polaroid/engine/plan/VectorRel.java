package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A relational operator of the {@link #CONVENTION VECTOR} convention: it runs over Arrow batches. Each
 * execution of a plan asks the root for a {@link BatchSource}; nodes build their sources from their
 * inputs' sources, so a plan (immutable, cacheable) can run many times, even concurrently.
 */
public interface VectorRel extends RelNode {
    Convention CONVENTION = new Convention.Impl("VECTOR", VectorRel.class);

    /** Builds the operator tree of this node for one execution. The caller closes the source. */
    BatchSource execute(QueryRuntime runtime);
}
