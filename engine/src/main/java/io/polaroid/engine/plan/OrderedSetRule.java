package io.polaroid.engine.plan;

import io.polaroid.engine.sql.OrderedSetAggregation;
import io.polaroid.engine.sql.OrderedSetFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Makes ordered-set aggregates runnable: {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x DESC)} (an
 * aggregate call whose argument is {@code f} and whose collation holds {@code x}) becomes
 * {@code PERCENTILE_CONT_DESC(x, f)}, an ordinary call of {@link OrderedSetAggregation}; {@code MEDIAN(x)}
 * becomes {@code PERCENTILE_CONT_ASC(x)}. The aggregate keeps its other calls and its row type.
 */
final class OrderedSetRule extends RelRule<RuleConfig> {
    static final RelOptRule INSTANCE = RuleConfig.of("OrderedSetAggregates",
            b -> b.operand(LogicalAggregate.class).predicate(OrderedSetRule::hasOrderedSet).anyInputs(),
            OrderedSetRule::new).toRule();

    private OrderedSetRule(RuleConfig config) {
        super(config);
    }

    private static boolean hasOrderedSet(LogicalAggregate aggregate) {
        return aggregate.getAggCallList().stream().anyMatch(call -> isOrderedSet(call.getAggregation()));
    }

    private static boolean isOrderedSet(SqlAggFunction function) {
        return function == OrderedSetFunctions.PERCENTILE_CONT || function == OrderedSetFunctions.PERCENTILE_DISC
                || function == OrderedSetFunctions.MEDIAN;
    }

    @Override
    public void onMatch(RelOptRuleCall ruleCall) {
        LogicalAggregate aggregate = ruleCall.rel(0);
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(isOrderedSet(call.getAggregation()) ? runnable(call) : call);
        }
        ruleCall.transformTo(aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls));
    }

    private static AggregateCall runnable(AggregateCall call) {
        List<Integer> arguments = new ArrayList<>();
        SqlAggFunction function;
        if (call.getAggregation() == OrderedSetFunctions.MEDIAN) {
            arguments.addAll(call.getArgList());
            function = OrderedSetAggregation.function(OrderedSetAggregation.Kind.CONTINUOUS, false);
        } else {
            RelFieldCollation key = call.getCollation().getFieldCollations().get(0);
            arguments.add(key.getFieldIndex());
            arguments.addAll(call.getArgList());
            OrderedSetAggregation.Kind kind = call.getAggregation() == OrderedSetFunctions.PERCENTILE_CONT
                    ? OrderedSetAggregation.Kind.CONTINUOUS : OrderedSetAggregation.Kind.DISCRETE;
            function = OrderedSetAggregation.function(kind, key.getDirection().isDescending());
        }
        return AggregateCall.create(SqlParserPos.ZERO, function, call.isDistinct(), call.isApproximate(),
                call.ignoreNulls(), call.rexList, arguments, call.filterArg, call.distinctKeys, RelCollations.EMPTY,
                call.getType(), call.getName());
    }
}
