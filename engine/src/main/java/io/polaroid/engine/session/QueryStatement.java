package io.polaroid.engine.session;

import io.polaroid.catalog.DatasetName;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.plan.PlanCache;
import io.polaroid.engine.plan.PlannedStatement;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared query: its plan is made once and executed with new parameters each time.
 *
 * <p>Every execution scans the snapshot of each dataset that is current when it starts, so files added or
 * removed by a {@code REFRESH DATASET} are seen without planning again. A refresh that changes a dataset's
 * columns makes the plan's column positions wrong: the statement is then planned again, and the result
 * carries a warning saying so, as long as its result and parameter columns stay the same; otherwise
 * executing it fails and asks for it to be prepared again (its clients already hold the old columns).
 */
final class QueryStatement extends EngineStatement {
    private final String schema;
    private volatile PlannedStatement plan;

    QueryStatement(String sql, String schema, PlannedStatement plan) {
        super(sql);
        this.schema = schema;
        this.plan = plan;
    }

    PlannedStatement plan() {
        return plan;
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public Schema resultSchema() {
        return plan.resultSchema();
    }

    @Override
    public Schema parameterSchema() {
        return plan.parameterSchema();
    }

    @Override
    QueryResult execute(EngineSession session, List<Object> parameters, ExecutionOptions options) {
        List<String> warnings = new ArrayList<>();
        PlannedStatement current = currentPlan(session, warnings);
        return QueryExecution.start(session.services(), sql(), current, parameters, options, warnings);
    }

    private PlannedStatement currentPlan(EngineSession session, List<String> warnings) {
        PlannedStatement planned = plan;
        List<DatasetName> changed = PlanCache.changedDatasets(planned, session.services().catalog());
        if (changed.isEmpty()) {
            return planned;
        }
        PlannedStatement fresh = session.replan(sql(), schema);
        if (!fresh.resultSchema().equals(planned.resultSchema())
                || !fresh.parameterSchema().equals(planned.parameterSchema())) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the columns of dataset"
                    + (changed.size() > 1 ? "s " : " ") + names(changed) + " changed since the statement was"
                    + " prepared, and so did its result or parameter columns; prepare the statement again");
        }
        plan = fresh;
        warnings.add("dataset" + (changed.size() > 1 ? "s " : " ") + names(changed) + " changed its columns"
                + " since the statement was prepared; the statement was planned again");
        return fresh;
    }

    private static String names(List<DatasetName> names) {
        return String.join(", ", names.stream().map(DatasetName::toString).toList());
    }
}
