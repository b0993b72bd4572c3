package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.FilterOperator;
import io.polaroid.engine.expr.CompiledExpression;
import io.polaroid.engine.expr.ExprCompiler;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** Filters batches with a vectorized condition. */
public final class VectorFilter extends Filter implements BatchwiseVectorRel {
    private final CompiledExpression compiled;

    VectorFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
        super(cluster, traits, input, condition);
        this.compiled = ExprCompiler.compile(condition);
    }

    @Override
    public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
        return new VectorFilter(getCluster(), traitSet, input, condition);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    /** The condition, compiled. */
    CompiledExpression compiled() {
        return compiled;
    }

    @Override
    public BatchSource apply(QueryRuntime runtime, BatchSource input) {
        return new FilterOperator(runtime.context(), input, compiled.bind(VectorEnv.of(runtime)));
    }
}
