package io.polaroid.engine.session;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryResult;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** A result that also releases something else (its statement, its session registration) when closed. */
final class ClosingResult implements QueryResult {
    private final QueryResult result;
    private final AutoCloseable alsoClose;

    ClosingResult(QueryResult result, AutoCloseable alsoClose) {
        this.result = result;
        this.alsoClose = alsoClose;
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
            try {
                alsoClose.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release the statement", e);
            }
        }
    }
}
