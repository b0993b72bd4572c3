package io.polaroid.engine.plan;

import io.polaroid.catalog.ColumnPredicate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mappings;
import org.apache.calcite.rex.RexShuttle;

/**
 * Logical rewrites that push work into {@link DatasetScan}s: read only the columns a query uses, and hand
 * the catalog the predicates it can prune files and row groups with. The filter itself stays: pruning is
 * coarse, rows are still filtered.
 */
final class ScanRules {
    private ScanRules() {
    }

    /** {@code Project(Scan)} reading a subset of the columns → a narrower scan (plus the project). */
    static final RelOptRule PROJECT_INTO_SCAN = RuleConfig.of("ProjectIntoDatasetScan",
            b -> b.operand(Project.class).oneInput(s -> s.operand(DatasetScan.class)
                    .predicate(scan -> !(scan instanceof VectorTableScan)).noInputs()),
            ProjectIntoScan::new).toRule();

    /**
     * {@code Aggregate(Scan)} using a subset of the columns → the same aggregate over a narrower scan. The
     * field trimmer leaves an aggregate that uses no column at all ({@code COUNT(*)}) directly on the full
     * scan, which would decode every column to count rows.
     */
    static final RelOptRule AGGREGATE_INTO_SCAN = RuleConfig.of("AggregateIntoDatasetScan",
            b -> b.operand(Aggregate.class).oneInput(s -> s.operand(DatasetScan.class)
                    .predicate(scan -> !(scan instanceof VectorTableScan)).noInputs()),
            AggregateIntoScan::new).toRule();

    /** {@code Filter(Scan)} → the same, with the filter's prunable conjuncts attached to the scan. */
    static final RelOptRule FILTER_INTO_SCAN = RuleConfig.of("FilterIntoDatasetScan",
            b -> b.operand(Filter.class).oneInput(s -> s.operand(DatasetScan.class)
                    .predicate(scan -> !(scan instanceof VectorTableScan)).noInputs()),
            FilterIntoScan::new).toRule();

    /**
     * {@code scan} reading only its fields {@code kept} (positions in its row type, ascending). It may read
     * no column at all (COUNT(*)): it still yields the row count.
     */
    private static DatasetScan narrowed(DatasetScan scan, List<Integer> kept) {
        List<Integer> columns = new ArrayList<>(kept.size());
        for (int field : kept) {
            columns.add(scan.columns().get(field));
        }
        return scan.withColumns(ImmutableIntList.copyOf(columns), scan.predicates());
    }

    private static final class ProjectIntoScan extends RelRule<RuleConfig> {
        ProjectIntoScan(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Project project = call.rel(0);
            DatasetScan scan = call.rel(1);
            ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
            if (used.cardinality() == scan.getRowType().getFieldCount() || project.containsOver()) {
                return;
            }
            List<Integer> kept = used.asList();
            DatasetScan narrow = narrowed(scan, kept);
            int[] newPosition = new int[scan.getRowType().getFieldCount()];
            for (int i = 0; i < kept.size(); i++) {
                newPosition[kept.get(i)] = i;
            }
            RexShuttle remap = new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return new RexInputRef(newPosition[ref.getIndex()], ref.getType());
                }
            };
            List<RexNode> projects = remap.apply(project.getProjects());
            RelNode result = call.builder().push(narrow)
                    .project(projects, project.getRowType().getFieldNames(), true)
                    .build();
            call.transformTo(result);
        }
    }

    private static final class AggregateIntoScan extends RelRule<RuleConfig> {
        AggregateIntoScan(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Aggregate aggregate = call.rel(0);
            DatasetScan scan = call.rel(1);
            ImmutableBitSet.Builder usedBuilder = ImmutableBitSet.builder().addAll(aggregate.getGroupSet());
            for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
                usedBuilder.addAll(aggregateCall.getArgList());
                if (aggregateCall.filterArg >= 0) {
                    usedBuilder.set(aggregateCall.filterArg);
                }
                if (!aggregateCall.getCollation().getFieldCollations().isEmpty()) {
                    return;  // ordered-set aggregates: left as they are
                }
            }
            ImmutableBitSet used = usedBuilder.build();
            int fieldCount = scan.getRowType().getFieldCount();
            if (used.cardinality() == fieldCount || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
                return;
            }
            List<Integer> kept = used.asList();
            DatasetScan narrow = narrowed(scan, kept);
            Mappings.TargetMapping mapping = Mappings.target(kept::indexOf, fieldCount, kept.size());
            List<AggregateCall> calls = new ArrayList<>();
            for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
                calls.add(aggregateCall.transform(mapping));
            }
            ImmutableBitSet groupSet = ImmutableBitSet.of(
                    aggregate.getGroupSet().asList().stream().map(kept::indexOf).toList());
            call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrow, groupSet, null, calls));
        }
    }

    private static final class FilterIntoScan extends RelRule<RuleConfig> {
        FilterIntoScan(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Filter filter = call.rel(0);
            DatasetScan scan = call.rel(1);
            RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
            RexNode condition = RexUtil.expandSearch(rexBuilder, null, filter.getCondition());
            List<String> names = scan.columnNames();
            Set<ScanPredicate> predicates = new LinkedHashSet<>(scan.predicates());
            for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
                ScanPredicate predicate = prunable(conjunct, names);
                if (predicate != null) {
                    predicates.add(predicate);
                }
            }
            if (predicates.size() == scan.predicates().size()) {
                return;
            }
            DatasetScan pruned = scan.withColumns(scan.columns(), List.copyOf(predicates));
            call.transformTo(filter.copy(filter.getTraitSet(), pruned, filter.getCondition()));
        }
    }

    /** The pruning predicate a conjunct amounts to, or null if it is not one the catalog understands. */
    static ScanPredicate prunable(RexNode conjunct, List<String> columnNames) {
        switch (conjunct.getKind()) {
            case IS_NULL:
            case IS_NOT_NULL: {
                RexNode operand = ((RexCall) conjunct).getOperands().get(0);
                if (operand instanceof RexInputRef) {
                    return new ScanPredicate(columnNames.get(((RexInputRef) operand).getIndex()),
                            conjunct.getKind() == SqlKind.IS_NULL ? ColumnPredicate.Operator.IS_NULL
                                    : ColumnPredicate.Operator.IS_NOT_NULL, List.of());
                }
                return null;
            }
            case EQUALS:
            case NOT_EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL: {
                RexCall call = (RexCall) conjunct;
                RexNode left = call.getOperands().get(0);
                RexNode right = call.getOperands().get(1);
                SqlKind kind = conjunct.getKind();
                if (isValue(left) && right instanceof RexInputRef) {
                    RexNode swap = left;
                    left = right;
                    right = swap;
                    kind = kind.reverse();
                }
                if (left instanceof RexInputRef && isValue(right) && sameFamily(left, right)) {
                    return new ScanPredicate(columnNames.get(((RexInputRef) left).getIndex()), operator(kind),
                            List.of(right));
                }
                return null;
            }
            case OR: {
                // x = a OR x = b OR ... → x IN (a, b, ...)
                Integer column = null;
                List<RexNode> values = new ArrayList<>();
                for (RexNode disjunct : RelOptUtil.disjunctions(conjunct)) {
                    ScanPredicate predicate = prunable(disjunct, columnNames);
                    if (predicate == null || predicate.operator() != ColumnPredicate.Operator.EQ) {
                        return null;
                    }
                    int index = columnNames.indexOf(predicate.column());
                    if (column != null && column != index) {
                        return null;
                    }
                    column = index;
                    values.addAll(predicate.operands());
                }
                return column == null ? null
                        : new ScanPredicate(columnNames.get(column), ColumnPredicate.Operator.IN, values);
            }
            default:
                return null;
        }
    }

    private static boolean isValue(RexNode node) {
        return node instanceof RexLiteral && !((RexLiteral) node).isNull() || node instanceof RexDynamicParam;
    }

    /** Pruning compares values of the column's own type; a literal of another family would mislead. */
    private static boolean sameFamily(RexNode column, RexNode value) {
        return column.getType().getSqlTypeName().getFamily() == value.getType().getSqlTypeName().getFamily();
    }

    private static ColumnPredicate.Operator operator(SqlKind kind) {
        switch (kind) {
            case EQUALS:
                return ColumnPredicate.Operator.EQ;
            case NOT_EQUALS:
                return ColumnPredicate.Operator.NE;
            case LESS_THAN:
                return ColumnPredicate.Operator.LT;
            case LESS_THAN_OR_EQUAL:
                return ColumnPredicate.Operator.LE;
            case GREATER_THAN:
                return ColumnPredicate.Operator.GT;
            default:
                return ColumnPredicate.Operator.GE;
        }
    }
}
