package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.sort.SortKey;
import io.polaroid.engine.exec.sort.SortOperator;
import io.polaroid.engine.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** ORDER BY (with optional OFFSET/LIMIT, run as top-N) over batches. */
public final class VectorSort extends Sort implements VectorRel {

    VectorSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation, RexNode offset,
               RexNode fetch) {
        super(cluster, traits, input, collation, offset, fetch);
    }

    /** Whether the sort keys are columns the sort operator can order by. */
    static boolean supports(Sort sort) {
        for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
            var type = sort.getInput().getRowType().getFieldList().get(key.getFieldIndex()).getType();
            if (!SortOperator.supportsKeyType(SqlTypes.toArrowType(type))) {
                return false;
            }
        }
        return VectorLimits.supports(sort.offset) && VectorLimits.supports(sort.fetch);
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, RexNode offset, RexNode fetch) {
        return new VectorSort(getCluster(), traitSet, input, collation, offset, fetch);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation key : collation.getFieldCollations()) {
            boolean ascending = !key.getDirection().isDescending();
            RelFieldCollation.NullDirection nulls = key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                    ? key.getDirection().defaultNullDirection() : key.nullDirection;
            boolean nullsFirst = nulls == RelFieldCollation.NullDirection.FIRST;
            keys.add(new SortKey(key.getFieldIndex(), ascending, nullsFirst));
        }
        long offsetRows = VectorLimits.value(offset, runtime, 0);
        long fetchRows = VectorLimits.value(fetch, runtime, -1);
        BatchSource input = ((VectorRel) getInput()).execute(runtime);
        try {
            return new SortOperator(runtime.context(), input, keys, offsetRows, fetchRows);
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }
}
