package io.polaroid.http;

import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement running for an HTTP request: what it holds (session, plan, admission, result), the rows it
 * sent, how it ended. {@link #close()} releases everything in reverse order of acquisition (the result's
 * memory first), ends the registration with the running queries and tells the {@link QueryListener}.
 */
final class QueryRun implements AutoCloseable {
    private final String identity;
    private final String id;
    private final String sql;
    private final QueryCancellation cancellation;
    private final QueryListener listener;
    private final RunningQueries running;
    private final long startNanos = System.nanoTime();
    private final List<AutoCloseable> held = new ArrayList<>();
    private Operation operation = Operation.QUERY;
    private QueryResult result;
    private long rows;
    private Throwable failure;
    private boolean closed;

    QueryRun(String identity, String id, String sql, QueryCancellation cancellation, QueryListener listener,
             RunningQueries running) {
        this.identity = identity;
        this.id = id;
        this.sql = sql;
        this.cancellation = cancellation;
        this.listener = listener;
        this.running = running;
        running.add(cancellation);
    }

    SqlSession session(SqlSession session) {
        held.add(session);
        return session;
    }

    PreparedQuery prepared(PreparedQuery prepared) {
        held.add(prepared);
        return prepared;
    }

    void operation(Operation kind) {
        this.operation = kind;
    }

    void permit(QueryAdmission.Permit permit) {
        held.add(permit);
    }

    void result(QueryResult started) {
        held.add(started);
        this.result = started;
    }

    QueryResult result() {
        return result;
    }

    QueryCancellation cancellation() {
        return cancellation;
    }

    boolean returnsRows() {
        return result.updateCount() < 0;
    }

    void sent(int batchRows) {
        rows += batchRows;
    }

    /** Records how the run failed (the first failure wins); it is reported when the run closes. */
    void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = held.size() - 1; i >= 0; i--) {
                try {
                    held.get(i).close();
                } catch (Exception e) {
                    fail(e);
                }
            }
        } finally {
            running.remove(cancellation);
            report();
        }
    }

    private void report() {
        Optional<String> sqlState = Optional.ofNullable(failure).map(QueryRun::sqlState);
        QueryRecord.Outcome outcome = failure == null ? QueryRecord.Outcome.SUCCEEDED
                : cancellation.isCancelled() ? QueryRecord.Outcome.CANCELLED : QueryRecord.Outcome.FAILED;
        long count = result != null && result.updateCount() >= 0 ? result.updateCount() : rows;
        try {
            listener.onQueryFinished(new QueryRecord(identity, id, operation, sql, count, 0,
                    Duration.ofNanos(System.nanoTime() - startNanos), outcome, sqlState));
        } catch (RuntimeException e) {
            // a listener must not throw; if one does, the request's answer must not suffer for it
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolaroidException) {
                return ((PolaroidException) cause).sqlState();
            }
        }
        return ErrorCode.INTERNAL_ERROR.sqlState();
    }
}
