package io.polaroid.engine.session;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import java.util.List;

/** A statement prepared by an {@link EngineSession}: a query, an EXPLAIN, or a catalog command. */
abstract class EngineStatement implements PreparedQuery {
    private final String sql;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };

    EngineStatement(String sql) {
        this.sql = sql;
    }

    @Override
    public String sql() {
        return sql;
    }

    /** Runs the statement once. */
    abstract QueryResult execute(EngineSession session, List<Object> parameters, ExecutionOptions options);

    boolean isClosed() {
        return closed;
    }

    /** Runs {@code action} when the statement is closed (the session forgets it then). */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
