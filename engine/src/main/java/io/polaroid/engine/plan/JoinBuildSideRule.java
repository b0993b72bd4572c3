package io.polaroid.engine.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rex.RexLiteral;

/**
 * Puts the smaller input of an inner equi-join on the right, the side the hash join builds its table
 * from: building costs memory and time per row, probing is cheap. TPC-H Q3 written as
 * {@code customer, orders, lineitem} would otherwise build a table of millions of line items to probe
 * with a hundred thousand orders.
 *
 * <p>Sizes are estimated on the logical plan with rules a join-order heuristic uses (as DuckDB's does):
 * a dataset's row count, filters by Calcite's guessed selectivity, an equi-join as large as its larger
 * input (keys are usually a key on one side). Calcite's own join estimate multiplies both sides by a fixed
 * selectivity and ranks a two-table join above any single table, which gets the build side backwards.
 * The inputs are swapped (with a projection restoring the column order) only when the left one is clearly
 * smaller, so the rule does not swap back.
 */
final class JoinBuildSideRule extends RelRule<RuleConfig> {
    static final RelOptRule INSTANCE = RuleConfig.of("JoinBuildSide",
            b -> b.operand(LogicalJoin.class)
                    .predicate(join -> join.getJoinType() == JoinRelType.INNER && !join.analyzeCondition().leftKeys.isEmpty())
                    .anyInputs(),
            JoinBuildSideRule::new).toRule();

    /** Swap only when the left input is estimated at less than this fraction of the right one. */
    private static final double SWAP_RATIO = 0.8;

    private JoinBuildSideRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Join join = call.rel(0);
        if (rows(join.getLeft()) < SWAP_RATIO * rows(join.getRight())) {
            RelNode swapped = JoinCommuteRule.swap(join, false, call.builder());
            if (swapped != null) {
                call.transformTo(swapped);
            }
        }
    }

    /** The estimated row count of a logical plan. */
    static double rows(RelNode rel) {
        if (rel instanceof HepRelVertex) {
            return rows(((HepRelVertex) rel).getCurrentRel());
        }
        if (rel instanceof DatasetScan) {
            return Math.max(1, ((DatasetScan) rel).dataset().plannedSnapshot().rowCount());
        }
        if (rel instanceof Filter) {
            return rows(((Filter) rel).getInput()) * RelMdUtil.guessSelectivity(((Filter) rel).getCondition());
        }
        if (rel instanceof Project) {
            return rows(((Project) rel).getInput());
        }
        if (rel instanceof Aggregate) {
            Aggregate aggregate = (Aggregate) rel;
            return aggregate.getGroupSet().isEmpty() ? 1 : rows(aggregate.getInput()) * 0.1;
        }
        if (rel instanceof Join) {
            Join join = (Join) rel;
            double left = rows(join.getLeft());
            double right = rows(join.getRight());
            switch (join.getJoinType()) {
                case SEMI:
                case ANTI:
                case LEFT:
                    return left;
                case RIGHT:
                    return right;
                default:
                    return join.analyzeCondition().leftKeys.isEmpty() ? left * right : Math.max(left, right);
            }
        }
        if (rel instanceof Sort) {
            Sort sort = (Sort) rel;
            double input = rows(sort.getInput());
            return sort.fetch instanceof RexLiteral
                    ? Math.min(input, ((RexLiteral) sort.fetch).getValueAs(Long.class)) : input;
        }
        if (rel instanceof Union) {
            double sum = 0;
            for (RelNode input : rel.getInputs()) {
                sum += rows(input);
            }
            return sum;
        }
        if (rel instanceof Values) {
            return ((Values) rel).getTuples().size();
        }
        return rel.getInputs().size() == 1 ? rows(rel.getInput(0)) : rel.estimateRowCount(rel.getCluster().getMetadataQuery());
    }
}
