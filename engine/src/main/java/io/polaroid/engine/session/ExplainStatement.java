package io.polaroid.engine.session;

import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.ScanMetrics;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.plan.PlanCache;
import io.polaroid.engine.plan.PlannedStatement;
import io.polaroid.engine.plan.VectorTableScan;
import io.polaroid.engine.types.ParameterValues;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code EXPLAIN PLAN FOR <query>}: one row per line of the chosen operator tree, then what the scans
 * prune. Operators named {@code Vector*} run on Arrow batches; {@code Enumerable*} operators run in
 * Calcite's row engine, joined to the vector parts by {@code EnumerableToVector} and
 * {@code VectorToEnumerable} converters.
 */
final class ExplainStatement extends EngineStatement {
    private final PlannedStatement plan;
    private final Schema schema;

    ExplainStatement(String sql, PlannedStatement plan) {
        super(sql);
        this.plan = plan;
        this.schema = ResultSchemas.varchar("plan");
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public Schema resultSchema() {
        return schema;
    }

    @Override
    public Schema parameterSchema() {
        return plan.parameterSchema();
    }

    @Override
    QueryResult execute(EngineSession session, List<Object> parameters, ExecutionOptions options) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"-- Vector* operators run on Arrow batches; Enumerable* operators run in "
                + "Calcite's row engine"});
        plan.planText().lines().forEach(line -> rows.add(new Object[] {line}));
        ParameterValues bound = bindIfComplete(parameters);
        for (VectorTableScan scan : PlanCache.scans(plan.root())) {
            rows.add(new Object[] {pruning(session, scan, bound)});
        }
        return new ListResult(schema, rows, session.services().rootAllocator());
    }

    private ParameterValues bindIfComplete(List<Object> parameters) {
        if (parameters.size() != plan.parameterTypes().size()) {
            return null;
        }
        return ParameterValues.bind(plan.parameterTypes(), parameters);
    }

    private static String pruning(EngineSession session, VectorTableScan scan, ParameterValues parameters) {
        String name = scan.dataset().describe();
        if (parameters == null) {
            return "-- scan " + name + ": pruning depends on the parameter values";
        }
        DatasetSnapshot snapshot = scan.dataset().isAdHoc() ? scan.dataset().plannedSnapshot()
                : session.services().catalog().snapshot(scan.dataset().name())
                        .orElse(scan.dataset().plannedSnapshot());
        try (ScanPlan scanPlan = snapshot.planScan(scan.request(parameters, session.services().batchRows()))) {
            ScanMetrics metrics = scanPlan.metrics();
            return "-- scan " + name + ": " + (metrics.cached() ? "in memory, " : "")
                    + "files " + (metrics.filesTotal() - metrics.filesPruned()) + " of " + metrics.filesTotal()
                    + " read, row groups " + (metrics.rowGroupsTotal() - metrics.rowGroupsPruned()) + " of "
                    + metrics.rowGroupsTotal() + " read, " + scanPlan.splits().size() + " split(s)";
        } catch (PolaroidException e) {
            return "-- scan " + name + ": cannot plan the scan: " + e.getMessage();
        }
    }
}
