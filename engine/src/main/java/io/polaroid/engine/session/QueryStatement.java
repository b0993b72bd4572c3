package io.polaroid.engine.session;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.plan.PlannedStatement;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** A prepared query: its plan is made once and executed with new parameters each time. */
final class QueryStatement extends EngineStatement {
    private final PlannedStatement plan;

    QueryStatement(String sql, PlannedStatement plan) {
        super(sql);
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
        return QueryExecution.start(session.services(), sql(), plan, parameters, options);
    }
}
