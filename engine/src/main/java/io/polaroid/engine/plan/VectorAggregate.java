package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.agg.AggregateFunction;
import io.polaroid.engine.exec.agg.AggregateSpec;
import io.polaroid.engine.exec.agg.HashAggregateOperator;
import io.polaroid.engine.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableBitSet;

/** GROUP BY with aggregate functions over batches, by the hash aggregate operator. */
public final class VectorAggregate extends Aggregate implements VectorRel {

    VectorAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
                    List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        super(cluster, traits, List.of(), input, groupSet, groupSets, aggCalls);
    }

    /** Whether the hash aggregate runs {@code aggregate}: plain GROUP BY, supported functions and types. */
    static boolean supports(Aggregate aggregate) {
        if (aggregate.getGroupType() != Group.SIMPLE) {
            return false;
        }
        List<RelDataTypeField> inputFields = aggregate.getInput().getRowType().getFieldList();
        List<ArrowType> groupTypes = new ArrayList<>();
        for (int column : aggregate.getGroupSet()) {
            groupTypes.add(SqlTypes.toArrowType(inputFields.get(column).getType()));
        }
        if (!HashAggregateOperator.supportsGroupTypes(groupTypes)) {
            return false;
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (spec(call, inputFields) == null) {
                return false;
            }
        }
        return true;
    }

    /** The operator's description of {@code call}, or null when it cannot compute it. */
    private static AggregateSpec spec(AggregateCall call, List<RelDataTypeField> inputFields) {
        AggregateFunction function = function(call);
        if (function == null || !call.getCollation().getFieldCollations().isEmpty()) {
            return null;
        }
        List<ArrowType> argumentTypes = new ArrayList<>();
        for (int argument : call.getArgList()) {
            argumentTypes.add(SqlTypes.toArrowType(inputFields.get(argument).getType()));
        }
        RelDataType type = call.getType();
        if (!AggregateSpec.supports(function, argumentTypes, SqlTypes.toArrowType(type), call.isDistinct())) {
            return null;
        }
        int[] arguments = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
        String name = call.getName() == null ? "agg" : call.getName();
        return new AggregateSpec(function, arguments, call.isDistinct(), call.filterArg,
                SqlTypes.toArrowField(name, type));
    }

    private static AggregateFunction function(AggregateCall call) {
        switch (call.getAggregation().getKind()) {
            case COUNT:
                return call.getArgList().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case SUM:
                return AggregateFunction.SUM;
            case SUM0:
                return AggregateFunction.SUM0;
            case MIN:
                return AggregateFunction.MIN;
            case MAX:
                return AggregateFunction.MAX;
            case AVG:
                return AggregateFunction.AVG;
            case ANY_VALUE:
                return AggregateFunction.ANY_VALUE;
            case ARG_MIN:
                return AggregateFunction.ARG_MIN;
            case ARG_MAX:
                return AggregateFunction.ARG_MAX;
            case STDDEV_POP:
                return AggregateFunction.STDDEV_POP;
            case STDDEV_SAMP:
                return AggregateFunction.STDDEV_SAMP;
            case VAR_POP:
                return AggregateFunction.VAR_POP;
            case VAR_SAMP:
                return AggregateFunction.VAR_SAMP;
            default:
                return null;
        }
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
                          List<ImmutableBitSet> groupSets, List<AggregateCall> aggCalls) {
        return new VectorAggregate(getCluster(), traitSet, input, groupSet, groupSets, aggCalls);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        List<RelDataTypeField> inputFields = getInput().getRowType().getFieldList();
        List<AggregateSpec> specs = new ArrayList<>();
        for (AggregateCall call : aggCalls) {
            specs.add(spec(call, inputFields));
        }
        int[] groups = groupSet.toArray();
        Schema schema = SqlTypes.toArrowSchema(getRowType(), null);
        List<AggregateSpec> finals = finalSpecs(specs, groups.length);
        List<BatchwiseVectorRel> chain = getInput() instanceof BatchwiseVectorRel
                && ((BatchwiseVectorRel) getInput()).batchwise()
                ? Pipelines.chain((BatchwiseVectorRel) getInput()) : List.of();
        VectorRel below = chain.isEmpty() ? (VectorRel) getInput() : Pipelines.below(chain);
        if (finals != null && below instanceof VectorTableScan) {
            // Two phases: every scan thread aggregates what it reads, one final aggregation combines those.
            int[] finalGroups = new int[groups.length];
            for (int g = 0; g < groups.length; g++) {
                finalGroups[g] = g;
            }
            UnaryOperator<BatchSource> aggregate =
                    input -> aggregate(runtime, Pipelines.apply(chain, runtime, input), groups, specs, schema);
            UnaryOperator<BatchSource> combine = partials -> aggregate(runtime, partials, finalGroups, finals, schema);
            return ((VectorTableScan) below).execute(runtime,
                    new Pipelines.ScanStage(aggregate, schema, combine, aggregate));
        }
        return aggregate(runtime, ((VectorRel) getInput()).execute(runtime), groups, specs, schema);
    }

    private static BatchSource aggregate(QueryRuntime runtime, BatchSource input, int[] groups,
                                         List<AggregateSpec> specs, Schema schema) {
        try {
            return new HashAggregateOperator(runtime.context(), input, groups, specs, schema);
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * How to combine partial results of {@code specs} computed separately over parts of the input, each
     * partial row holding the group columns then one column per aggregate: counts are summed, sums summed,
     * minima and maxima taken again. Null when some aggregate cannot be combined that way (DISTINCT,
     * ARG_MIN, FIRST ...).
     */
    static List<AggregateSpec> finalSpecs(List<AggregateSpec> specs, int groupCount) {
        List<AggregateSpec> finals = new ArrayList<>(specs.size());
        for (int j = 0; j < specs.size(); j++) {
            AggregateSpec spec = specs.get(j);
            if (spec.distinct()) {
                return null;
            }
            AggregateFunction combine = switch (spec.function()) {
                case COUNT_STAR, COUNT, SUM0 -> AggregateFunction.SUM0;
                case SUM -> AggregateFunction.SUM;
                case MIN -> AggregateFunction.MIN;
                case MAX -> AggregateFunction.MAX;
                case ANY_VALUE -> AggregateFunction.ANY_VALUE;
                case BOOL_AND -> AggregateFunction.BOOL_AND;
                case BOOL_OR -> AggregateFunction.BOOL_OR;
                default -> null;
            };
            if (combine == null) {
                return null;
            }
            finals.add(new AggregateSpec(combine, new int[] {groupCount + j}, false, -1, spec.outputField()));
        }
        return finals;
    }
}
