package io.polaroid.jdbc;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The result of a plain {@code Statement}'s query together with the plan made for it: closing the
 * result releases the plan too, because nothing else will run it again.
 */
final class PlanOwningResult implements QueryResult {
    private final QueryResult result;
    private final PreparedQuery plan;

    PlanOwningResult(QueryResult result, PreparedQuery plan) {
        this.result = Objects.requireNonNull(result, "result");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public Schema schema() {
        return result.schema();
    }

    @Override
    public Batch next() {
        return result.next();
    }

    @Override
    public long updateCount() {
        return result.updateCount();
    }

    @Override
    public List<String> warnings() {
        return result.warnings();
    }

    @Override
    public void close() {
        try {
            result.close();
        } finally {
            plan.close();
        }
    }
}
