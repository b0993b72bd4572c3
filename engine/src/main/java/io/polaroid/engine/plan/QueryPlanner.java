package io.polaroid.engine.plan;

import io.polaroid.catalog.Catalog;
import io.polaroid.engine.schema.PolaroidSchemas;
import io.polaroid.engine.sql.OrderedSetFunctions;
import io.polaroid.engine.sql.PolaroidConvertletTable;
import io.polaroid.engine.sql.PolaroidDialect;
import io.polaroid.engine.sql.PolaroidTypeSystem;
import io.polaroid.engine.types.ColumnOrigin;
import io.polaroid.engine.types.SqlTypes;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans a parsed query: validate, convert to relational algebra, rewrite logically (sub-queries,
 * decorrelation, column pruning, predicate pushdown into scans, windows), then choose physical operators
 * with a Volcano planner that holds both Calcite's Enumerable rules and our vector rules. The root is
 * requested in the vector convention, so every result is a stream of batches; converters between the
 * conventions let any Enumerable subtree take part, which keeps every validated query runnable.
 */
public final class QueryPlanner {
    private final Catalog catalog;
    private final boolean vectorExecution;

    /**
     * @param vectorExecution false to run every operator except scans in Calcite's row engine (for
     *                        comparing the two engines)
     */
    public QueryPlanner(Catalog catalog, boolean vectorExecution) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.vectorExecution = vectorExecution;
    }

    /** Plans {@code query} (a query, or the query inside an {@code EXPLAIN}) against {@code currentSchema}. */
    public PlannedStatement plan(SqlNode query, String currentSchema) {
        Objects.requireNonNull(query, "query");
        SqlNode node = query instanceof SqlExplain ? ((SqlExplain) query).getExplicandum() : query;
        if (!node.isA(SqlKind.QUERY)) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, node.getKind().sql
                    + " statements are not supported: Polaroid serves read-only datasets");
        }
        JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(PolaroidTypeSystem.INSTANCE);
        CalciteSchema rootSchema = PolaroidSchemas.root(catalog);
        CalciteCatalogReader catalogReader = new PolaroidCatalogReader(rootSchema, currentSchema, typeFactory);
        SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(PolaroidDialect.operatorTable(), catalogReader),
                catalogReader, typeFactory, PolaroidDialect.validatorConfig());
        SqlNode validated = validator.validate(OrderedSetFunctions.replaceStandard(node));

        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster,
                PolaroidConvertletTable.INSTANCE, SqlToRelConverter.config()
                        .withExpand(false)
                        .withTrimUnusedFields(true)
                        // keep long IN lists as one SEARCH, which the vector engine evaluates directly
                        .withInSubQueryThreshold(Integer.MAX_VALUE));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode logical = rewrite(root.project(), validator);

        for (RelOptRule rule : physicalRules()) {
            planner.addRule(rule);
        }
        // No collation is asked of the root: an ORDER BY is a Sort node of the plan, which stays. Asking for
        // the collation the logical root happens to have (a one-row VALUES is "sorted" on every column)
        // would ask vector operators for a trait they do not track.
        RelTraitSet desired = logical.getTraitSet().replace(VectorRel.CONVENTION).replace(RelCollations.EMPTY)
                .simplify();
        planner.setRoot(planner.changeTraits(logical, desired));
        // Calcite's EnumerableProject and EnumerableFilter only exist to be turned into EnumerableCalc.
        RelNode chosen;
        try {
            chosen = planner.findBestExp();
        } catch (org.apache.calcite.plan.RelOptPlanner.CannotPlanException e) {
            throw UnsupportedFeatures.cannotPlan(logical, e);
        }
        RelNode best = hep(chosen, List.of(
                EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
                EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE));
        if (!(best instanceof VectorRel)) {
            throw new IllegalStateException("the plan root is not a vector operator: " + best);
        }
        UnsupportedFeatures.check(best);
        precompile(best);

        RelDataType resultType = root.validatedRowType;
        List<ColumnOrigin> origins = origins(validator, validated, resultType.getFieldCount());
        RelDataType parameterRowType = validator.getParameterRowType(validated);
        List<RelDataType> parameterTypes = new ArrayList<>();
        List<Field> parameterFields = new ArrayList<>();
        for (RelDataTypeField field : parameterRowType.getFieldList()) {
            parameterTypes.add(field.getType());
            parameterFields.add(SqlTypes.toArrowField(field.getName(), field.getType(),
                    SqlTypes.columnMetadata(field.getType(), null)));
        }
        return new PlannedStatement((VectorRel) best, SqlTypes.toArrowSchema(resultType, origins), resultType,
                parameterTypes, new Schema(parameterFields), rootSchema.plus(), typeFactory);
    }

    /**
     * AVG, STDDEV and VARIANCE as SUM/COUNT arithmetic: Calcite's row engine has no AVG of its own, and
     * the vector aggregate then only needs sums and counts. SUM itself stays as it is.
     */
    private static final RelOptRule REDUCE_AVERAGES = org.apache.calcite.rel.rules.AggregateReduceFunctionsRule
            .Config.DEFAULT
            .withFunctionsToReduce(java.util.EnumSet.of(SqlKind.AVG, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
                    SqlKind.VAR_POP, SqlKind.VAR_SAMP))
            .toRule();

    /** Logical rewrites that do not need costs: run once, in order, with Hep planners. */
    private RelNode rewrite(RelNode rel, SqlValidator validator) {
        RelNode result = hep(rel, List.of(
                CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
        result = RelDecorrelator.decorrelateQuery(result, relBuilder);
        result = new RelFieldTrimmer(validator, relBuilder).trim(result);
        result = hep(result, List.of(
                CoreRules.FILTER_INTO_JOIN,
                CoreRules.JOIN_CONDITION_PUSH,
                CoreRules.FILTER_PROJECT_TRANSPOSE,
                CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                CoreRules.FILTER_MERGE,
                CoreRules.PROJECT_MERGE,
                CoreRules.PROJECT_REMOVE,
                CoreRules.AGGREGATE_PROJECT_MERGE,
                OrderedSetRule.INSTANCE,
                REDUCE_AVERAGES,
                CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
                ScanRules.PROJECT_INTO_SCAN,
                ScanRules.AGGREGATE_INTO_SCAN,
                ScanRules.FILTER_INTO_SCAN));
        // with filters in place, so that their selectivity counts in the size estimates
        result = hep(result, List.of(JoinBuildSideRule.INSTANCE, CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE));
        // Trimming again now that filters and join conditions sit where they run: columns only those needed
        // are no longer carried up through joins (the build side of TPC-H Q3 keeps 3 of its 6 columns).
        result = new RelFieldTrimmer(validator, relBuilder).trim(result);
        // The trimmer keeps every input column of a window; pushing the projection above it down through
        // the window lets the scan read, and the window operator hold, only the columns used.
        return hep(result, List.of(CoreRules.PROJECT_WINDOW_TRANSPOSE, CoreRules.PROJECT_MERGE,
                CoreRules.PROJECT_REMOVE, ScanRules.PROJECT_INTO_SCAN, ScanRules.AGGREGATE_INTO_SCAN));
    }

    private static RelNode hep(RelNode rel, List<RelOptRule> rules) {
        HepProgramBuilder program = new HepProgramBuilder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
        program.addRuleCollection(rules);
        HepPlanner hep = new HepPlanner(program.build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    private List<RelOptRule> physicalRules() {
        List<RelOptRule> rules = new ArrayList<>(List.of(
                EnumerableRules.ENUMERABLE_JOIN_RULE,
                EnumerableRules.ENUMERABLE_CORRELATE_RULE,
                EnumerableRules.ENUMERABLE_PROJECT_RULE,
                EnumerableRules.ENUMERABLE_FILTER_RULE,
                EnumerableRules.ENUMERABLE_CALC_RULE,
                EnumerableRules.ENUMERABLE_AGGREGATE_RULE,
                EnumerableRules.ENUMERABLE_SORT_RULE,
                EnumerableRules.ENUMERABLE_LIMIT_RULE,
                EnumerableRules.ENUMERABLE_UNION_RULE,
                EnumerableRules.ENUMERABLE_INTERSECT_RULE,
                EnumerableRules.ENUMERABLE_MINUS_RULE,
                EnumerableRules.ENUMERABLE_VALUES_RULE,
                EnumerableRules.ENUMERABLE_WINDOW_RULE,
                EnumerableRules.ENUMERABLE_COLLECT_RULE,
                EnumerableRules.ENUMERABLE_UNCOLLECT_RULE,
                EnumerableRules.ENUMERABLE_TABLE_FUNCTION_SCAN_RULE,
                EnumerableRules.ENUMERABLE_REPEAT_UNION_RULE,
                EnumerableRules.ENUMERABLE_TABLE_SPOOL_RULE,
                EnumerableRules.ENUMERABLE_MATCH_RULE,
                // Calcite's row engine has no DISTINCT aggregates: rewrite them as a GROUP BY of the
                // distinct values, for the planner to pick when the vector aggregate cannot run them.
                CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES,
                VectorRules.TABLE_SCAN,
                EnumerableToVector.Rule.INSTANCE,
                VectorToEnumerable.Rule.INSTANCE));
        if (vectorExecution) {
            rules.addAll(VectorRules.operators());
        }
        return rules;
    }

    /** Compiles the Enumerable parts now, so a prepared statement fails early and executes fast. */
    private static void precompile(RelNode rel) {
        if (rel instanceof EnumerableToVector) {
            ((EnumerableToVector) rel).precompile();
        }
        for (RelNode input : rel.getInputs()) {
            precompile(input);
        }
    }

    private static List<ColumnOrigin> origins(SqlValidator validator, SqlNode validated, int fieldCount) {
        List<List<String>> fieldOrigins = validator.getFieldOrigins(validated);
        List<ColumnOrigin> origins = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            List<String> origin = i < fieldOrigins.size() ? fieldOrigins.get(i) : null;
            // [polaroid, schema, dataset, column] for a base column of a registered dataset
            if (origin != null && origin.size() == 4 && PolaroidSchemas.CATALOG_NAME.equals(origin.get(0))) {
                origins.add(new ColumnOrigin(origin.get(0), origin.get(1), origin.get(2), origin.get(3)));
            } else {
                origins.add(null);
            }
        }
        return origins;
    }

    /**
     * Resolves names against {@code polaroid.<current schema>}, then {@code polaroid} (so
     * {@code schema.dataset} works), then the root (for {@code polaroid.schema.dataset} and
     * {@code read_parquet}), ignoring case.
     */
    private static final class PolaroidCatalogReader extends CalciteCatalogReader {
        PolaroidCatalogReader(CalciteSchema rootSchema, String currentSchema, JavaTypeFactory typeFactory) {
            super(rootSchema, SqlNameMatchers.withCaseSensitive(false),
                    List.of(List.of(PolaroidSchemas.CATALOG_NAME, currentSchema),
                            List.of(PolaroidSchemas.CATALOG_NAME), List.of()),
                    typeFactory, connectionConfig());
        }

        private static CalciteConnectionConfig connectionConfig() {
            Properties properties = new Properties();
            properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
            return new CalciteConnectionConfigImpl(properties);
        }
    }
}
