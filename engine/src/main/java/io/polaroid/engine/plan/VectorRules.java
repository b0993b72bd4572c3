package io.polaroid.engine.plan;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexOver;
import io.polaroid.engine.expr.ExprCompiler;

/**
 * The rules that put operators into the vector convention. Each checks that the vector engine can run
 * the node (its expressions, key types, aggregate calls) and declines otherwise (returns null), leaving
 * the node to Calcite's Enumerable rules.
 */
final class VectorRules {
    private VectorRules() {
    }

    /** Every dataset scan runs as a vector scan, in both execution modes. */
    static final RelOptRule TABLE_SCAN = rule(DatasetScan.class, "VectorTableScanRule",
            rel -> rel instanceof VectorTableScan ? null : VectorTableScan.of((DatasetScan) rel));

    static final RelOptRule FILTER = rule(LogicalFilter.class, "VectorFilterRule", rel -> {
        LogicalFilter filter = (LogicalFilter) rel;
        if (!ExprCompiler.supports(filter.getCondition())) {
            return null;
        }
        return new VectorFilter(rel.getCluster(), vector(rel), convert(filter.getInput()), filter.getCondition());
    });

    static final RelOptRule PROJECT = rule(LogicalProject.class, "VectorProjectRule", rel -> {
        LogicalProject project = (LogicalProject) rel;
        if (RexOver.containsOver(project.getProjects(), null) || !VectorProject.supports(project.getProjects())) {
            return null;
        }
        return new VectorProject(rel.getCluster(), vector(rel), convert(project.getInput()), project.getProjects(),
                project.getRowType());
    });

    static final RelOptRule SORT = rule(LogicalSort.class, "VectorSortRule", rel -> {
        LogicalSort sort = (LogicalSort) rel;
        if (sort.getCollation().getFieldCollations().isEmpty()) {
            if (!VectorLimits.supports(sort.offset) || !VectorLimits.supports(sort.fetch)) {
                return null;
            }
            return new VectorLimit(rel.getCluster(), vector(rel), convert(sort.getInput()), sort.getCollation(),
                    sort.offset, sort.fetch);
        }
        if (!VectorSort.supports(sort)) {
            return null;
        }
        return new VectorSort(rel.getCluster(), vector(rel), convert(sort.getInput()), sort.getCollation(),
                sort.offset, sort.fetch);
    });

    static final RelOptRule JOIN = rule(LogicalJoin.class, "VectorJoinRule", rel -> {
        LogicalJoin join = (LogicalJoin) rel;
        if (!VectorJoin.supports(join)) {
            return null;
        }
        return new VectorJoin(rel.getCluster(), vector(rel), convert(join.getLeft()), convert(join.getRight()),
                join.getCondition(), join.getJoinType());
    });

    static final RelOptRule AGGREGATE = rule(LogicalAggregate.class, "VectorAggregateRule", rel -> {
        LogicalAggregate aggregate = (LogicalAggregate) rel;
        if (!VectorAggregate.supports(aggregate)) {
            return null;
        }
        return new VectorAggregate(rel.getCluster(), vector(rel), convert(aggregate.getInput()),
                aggregate.getGroupSet(), aggregate.getGroupSets(), aggregate.getAggCallList());
    });

    static final RelOptRule WINDOW = rule(LogicalWindow.class, "VectorWindowRule", rel -> {
        LogicalWindow window = (LogicalWindow) rel;
        if (!VectorWindow.supports(window)) {
            return null;
        }
        return new VectorWindow(rel.getCluster(), vector(rel), convert(window.getInput()), window.constants,
                window.getRowType(), window.groups);
    });

    /** The rules of vector operators other than scans. */
    static List<RelOptRule> operators() {
        return List.of(FILTER, PROJECT, SORT, JOIN, AGGREGATE, WINDOW);
    }

    private static RelTraitSet vector(RelNode rel) {
        return rel.getTraitSet().replace(VectorRel.CONVENTION);
    }

    private static RelNode convert(RelNode input) {
        return ConverterRule.convert(input, input.getTraitSet().replace(VectorRel.CONVENTION));
    }

    private static RelOptRule rule(Class<? extends RelNode> type, String name,
                                   java.util.function.Function<RelNode, RelNode> conversion) {
        return ConverterRule.Config.INSTANCE
                .withConversion(type, Convention.NONE, VectorRel.CONVENTION, name)
                .withRuleFactory(config -> new ConverterRule(config) {
                    @Override
                    public RelNode convert(RelNode rel) {
                        return conversion.apply(rel);
                    }
                })
                .toRule();
    }
}
