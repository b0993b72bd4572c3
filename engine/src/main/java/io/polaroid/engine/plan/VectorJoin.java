package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.join.HashJoinOperator;
import io.polaroid.engine.exec.join.JoinKind;
import io.polaroid.engine.exec.join.JoinTable;
import io.polaroid.engine.exec.ops.ExpressionJoinFilter;
import io.polaroid.engine.expr.CompiledExpression;
import io.polaroid.engine.expr.ExprCompiler;
import io.polaroid.engine.types.SqlTypes;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;
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

/**
 * A hash join over batches: the right input is built into a hash table, the left input probes it. Joins
 * that emit nothing after the left input ends (INNER, LEFT, SEMI, ANTI) probe batch by batch: the table is
 * built once per execution and shared, so the probing runs on every scan thread of the left side, with
 * the filters, projections and partial aggregation around it ({@link Pipelines}).
 */
public final class VectorJoin extends Join implements BatchwiseVectorRel {
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
    public boolean batchwise() {
        return !kind(joinType).emitsUnmatchedRight();
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        if (batchwise()) {
            return Pipelines.execute(this, runtime);
        }
        BatchSource left = ((VectorRel) getLeft()).execute(runtime);
        BatchSource right = null;
        try {
            right = ((VectorRel) getRight()).execute(runtime);
            return new HashJoinOperator(runtime.context(), left, right, kind(joinType), info.leftKeys.toIntArray(),
                    info.rightKeys.toIntArray(), SqlTypes.toArrowSchema(getRowType(), null), residualFilter(runtime));
        } catch (RuntimeException e) {
            left.close();
            if (right != null) {
                right.close();
            }
            throw e;
        }
    }

    /** A probing operator over {@code input} (the left side), sharing the execution's one build side. */
    @Override
    public BatchSource apply(QueryRuntime runtime, BatchSource input) {
        return applyFiltered(runtime, input, null);
    }

    /**
     * As {@link #apply}, the left rows first filtered by {@code leftCondition} (a filter right below the
     * join, fused into the probe so that its rows are not copied), or not when null.
     */
    BatchSource applyFiltered(QueryRuntime runtime, BatchSource input, CompiledExpression leftCondition) {
        int[] rightKeys = info.rightKeys.toIntArray();
        SharedBuild build = runtime.shared(this, SharedBuild.class,
                () -> new SharedBuild(runtime, (VectorRel) getRight(), rightKeys));
        Schema rightSchema = SqlTypes.toArrowSchema(getRight().getRowType(), null);
        ExpressionJoinFilter leftFilter = leftCondition == null ? null
                : new ExpressionJoinFilter(leftCondition.bind(VectorEnv.of(runtime)));
        return HashJoinOperator.probing(runtime.context(), input, leftFilter, build, rightSchema, kind(joinType),
                info.leftKeys.toIntArray(), rightKeys, SqlTypes.toArrowSchema(getRowType(), null),
                residualFilter(runtime));
    }

    private ExpressionJoinFilter residualFilter(QueryRuntime runtime) {
        return residual == null ? null : new ExpressionJoinFilter(residual.bind(VectorEnv.of(runtime)));
    }

    /**
     * The build side of one execution: built from the right input by the first probing operator that
     * needs it (the others wait), then read by all of them; closed when the execution ends.
     */
    private static final class SharedBuild implements Supplier<JoinTable>, AutoCloseable {
        private final QueryRuntime runtime;
        private final VectorRel right;
        private final int[] rightKeys;
        private JoinTable table;
        private RuntimeException failure;

        SharedBuild(QueryRuntime runtime, VectorRel right, int[] rightKeys) {
            this.runtime = runtime;
            this.right = right;
            this.rightKeys = rightKeys;
        }

        @Override
        public synchronized JoinTable get() {
            if (failure != null) {
                throw failure;
            }
            if (table == null) {
                try {
                    table = JoinTable.build(runtime.context(), right.execute(runtime), rightKeys);
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return table;
        }

        @Override
        public synchronized void close() {
            if (table != null) {
                table.close();
                table = null;
            }
        }
    }
}
