package io.polaroid.server.flight;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryRecord;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one statement from the moment it starts running and reports it to the {@link QueryListener} once,
 * with the rows and bytes it produced and how it ended. A listener that throws is logged, never allowed to
 * turn a finished statement into a failed call.
 */
final class QueryMeter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMeter.class);

    private final QueryListener listener;
    private final String identity;
    private final String sessionId;
    private final Operation operation;
    private final String statement;
    private final long startNanos = System.nanoTime();

    QueryMeter(QueryListener listener, String identity, String sessionId, Operation operation, String statement) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.statement = Objects.requireNonNull(statement, "statement");
    }

    void succeeded(long rows, long bytes) {
        report(rows, bytes, QueryRecord.Outcome.SUCCEEDED, Optional.empty());
    }

    /** Reports a failure; a cancellation (57014) is reported as cancelled. */
    void failed(Throwable failure, long rows, long bytes) {
        ErrorCode code = codeOf(failure);
        QueryRecord.Outcome outcome = code == ErrorCode.QUERY_CANCELED
                ? QueryRecord.Outcome.CANCELLED : QueryRecord.Outcome.FAILED;
        report(rows, bytes, outcome, Optional.of(code.sqlState()));
    }

    private void report(long rows, long bytes, QueryRecord.Outcome outcome, Optional<String> sqlState) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        try {
            listener.onQueryFinished(new QueryRecord(identity, sessionId, operation, statement, rows, bytes,
                    duration, outcome, sqlState));
        } catch (RuntimeException e) {
            LOG.warn("the query listener failed", e);
        }
    }

    private static ErrorCode codeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PolaroidException) {
                return ((PolaroidException) t).code();
            }
            if (t instanceof OutOfMemoryException || t instanceof OutOfMemoryError) {
                return ErrorCode.OUT_OF_MEMORY;
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }
}
