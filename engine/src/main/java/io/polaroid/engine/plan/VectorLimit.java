package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.LimitOperator;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** OFFSET/LIMIT without ORDER BY (Calcite models it as a Sort with no keys). */
public final class VectorLimit extends Sort implements VectorRel {

    VectorLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation, RexNode offset,
                RexNode fetch) {
        super(cluster, traits, input, collation, offset, fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, RexNode offset, RexNode fetch) {
        return new VectorLimit(getCluster(), traitSet, input, collation, offset, fetch);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        long offsetRows = VectorLimits.value(offset, runtime, 0);
        long fetchRows = VectorLimits.value(fetch, runtime, -1);
        BatchSource input = ((VectorRel) getInput()).execute(runtime);
        return new LimitOperator(runtime.context(), input, offsetRows, fetchRows);
    }
}
