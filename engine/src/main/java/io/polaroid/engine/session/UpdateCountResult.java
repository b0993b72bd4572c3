package io.polaroid.engine.session;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryResult;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** The result of a command that returns no rows: a count of affected objects. */
final class UpdateCountResult implements QueryResult {
    private static final Schema EMPTY = new Schema(List.of());
    private final long count;

    UpdateCountResult(long count) {
        this.count = count;
    }

    @Override
    public Schema schema() {
        return EMPTY;
    }

    @Override
    public Batch next() {
        return null;
    }

    @Override
    public long updateCount() {
        return count;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
    }

    static Schema emptySchema() {
        return EMPTY;
    }
}
