package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.join.HashJoinOperator;
import io.polaroid.engine.exec.join.JoinKind;
import io.polaroid.engine.exec.ops.ExpressionJoinFilter;
import io.polaroid.engine.expr.CompiledExpression;
import io.polaroid.engine.expr.ExprCompiler;
import io.polaroid.engine.types.SqlTypes;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/** A hash join over batches: the right input is built into a hash table, the left input probes it. */
public final class VectorJoin extends Join implements VectorRel {
    private final JoinInfo info;
    private final CompiledExpression residual;

    VectorJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
               JoinRelType joinType) {
        super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
        this.info = analyzeCondition();
        RexNode remaining = info.getRemaining(cluster.getRexBuilder());
        this.residual = remaining.isAlwaysTrue() ? null : ExprCompiler.compile(remaining);
    }

    /** Whether the hash join operator can run {@code join}. */
    static boolean supports(Join join) {
        JoinInfo info = join.analyzeCondition();
        if (info.leftKeys.isEmpty() || !info.isEqui() && !residualSupported(join, info)
                || kind(join.getJoinType()) == null) {
            return false;
        }
        for (boolean filterNulls : info.nullExclusionFlags) {
            if (!filterNulls) {
                return false; // IS NOT DISTINCT FROM keys
            }
        }
        List<org.apache.calcite.rel.type.RelDataTypeField> left = join.getLeft().getRowType().getFieldList();
        List<org.apache.calcite.rel.type.RelDataTypeField> right = join.getRight().getRowType().getFieldList();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            RelDataType leftType = left.get(info.leftKeys.get(i)).getType();
            RelDataType rightType = right.get(info.rightKeys.get(i)).getType();
            if (!HashJoinOperator.supportsKeyTypes(SqlTypes.toArrowType(leftType), SqlTypes.toArrowType(rightType))) {
                return false;
            }
        }
        return true;
    }

    private static boolean residualSupported(Join join, JoinInfo info) {
        return ExprCompiler.supports(info.getRemaining(join.getCluster().getRexBuilder()));
    }

    static JoinKind kind(JoinRelType type) {
        switch (type) {
            case INNER:
                return JoinKind.INNER;
            case LEFT:
                return JoinKind.LEFT;
            case RIGHT:
                return JoinKind.RIGHT;
            case FULL:
                return JoinKind.FULL;
            case SEMI:
                return JoinKind.SEMI;
            case ANTI:
                return JoinKind.ANTI;
            default:
                return null;
        }
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
                     boolean semiJoinDone) {
        return new VectorJoin(getCluster(), traitSet, left, right, condition, joinType);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // Building costs more per row than probing: prefer the smaller input on the right.
        double leftRows = mq.getRowCount(getLeft());
        double rightRows = mq.getRowCount(getRight());
        double rows = mq.getRowCount(this);
        return VectorCosts.vector(planner.getCostFactory().makeCost(rows + leftRows + 2 * rightRows,
                leftRows + 2 * rightRows, 0));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        BatchSource left = ((VectorRel) getLeft()).execute(runtime);
        BatchSource right = null;
        try {
            right = ((VectorRel) getRight()).execute(runtime);
            ExpressionJoinFilter filter = residual == null ? null
                    : new ExpressionJoinFilter(residual.bind(VectorEnv.of(runtime)));
            return new HashJoinOperator(runtime.context(), left, right, kind(joinType), info.leftKeys.toIntArray(),
                    info.rightKeys.toIntArray(), SqlTypes.toArrowSchema(getRowType(), null), filter);
        } catch (RuntimeException e) {
            left.close();
            if (right != null) {
                right.close();
            }
            throw e;
        }
    }
}
