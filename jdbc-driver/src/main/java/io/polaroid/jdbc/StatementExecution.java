package io.polaroid.jdbc;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.jdbc.error.SqlExceptions;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution state of one statement: the cancel switch of the query it runs now, the result the
 * {@link SessionMeta} hands to the next result set, the warnings of the last execution, and what the
 * caller expects back ({@code executeQuery} wants rows, {@code executeUpdate} a count).
 *
 * <p>{@link #cancel()} may be called from any thread (that is what {@code Statement.cancel} is for);
 * everything else runs on the thread using the statement.
 */
final class StatementExecution {
    private static final Logger LOG = LoggerFactory.getLogger(StatementExecution.class);

    /** What a JDBC execute method promises its caller. */
    enum Expectation {
        ANY, ROWS, COUNT
    }

    /** One run of the statement: its cancel switch, its timeout, and whether the user cancelled it. */
    private static final class Run {
        final QueryCancellation cancellation = new QueryCancellation();
        final long timeoutMillis;
        volatile boolean cancelledByUser;

        Run(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }
    }

    private volatile Run current;
    private Expectation expectation = Expectation.ANY;
    private QueryResult pending;
    private SQLWarning warnings;

    /** Sets what the execute call about to run promises; reset by {@link #expect(Expectation)} ANY after. */
    void expect(Expectation expectation) {
        this.expectation = expectation;
    }

    /**
     * Fails before anything runs when the statement cannot give what the caller expects: JDBC says
     * {@code executeQuery} must not be used for a statement without rows, nor {@code executeUpdate}
     * for one with rows.
     */
    void checkExpectation(boolean returnsRows, String sql) throws SQLException {
        if (expectation == Expectation.ROWS && !returnsRows) {
            throw new SQLException("executeQuery was given a statement that returns no rows; use execute or "
                    + "executeUpdate for: " + abbreviate(sql), "07000");
        }
        if (expectation == Expectation.COUNT && returnsRows) {
            throw new SQLException("executeUpdate was given a query that returns rows; use executeQuery or "
                    + "execute for: " + abbreviate(sql), "07000");
        }
    }

    /** Starts a run: a fresh cancel switch and the statement's limits, as the session takes them. */
    ExecutionOptions start(long timeoutMillis, long maxRows, long memoryLimitBytes) {
        discardPending();
        warnings = null;
        Run run = new Run(timeoutMillis);
        current = run;
        return new ExecutionOptions(timeoutMillis, maxRows, memoryLimitBytes, run.cancellation);
    }

    /** The cancel switch of the current run; a fresh one (never cancelled) when nothing has run. */
    QueryCancellation cancellation() {
        Run run = current;
        return run == null ? new QueryCancellation() : run.cancellation;
    }

    /** {@code Statement.cancel()}: stops the current run, if any. Safe from any thread. */
    void cancel(String reason) {
        Run run = current;
        if (run != null) {
            run.cancelledByUser = true;
            run.cancellation.cancel(reason);
        }
    }

    /** A streaming result for the result set the caller is about to create. */
    void resultReady(QueryResult result) {
        discardPending();
        pending = result;
        addWarnings(result.warnings());
    }

    /** Hands the pending result over to a result set, which then owns it; null if there is none. */
    QueryResult takePending() {
        QueryResult result = pending;
        pending = null;
        return result;
    }

    /** Records the warnings of a run that returned an update count, or of a result that has ended. */
    void addWarnings(List<String> messages) {
        for (String message : messages) {
            SQLWarning warning = new SQLWarning(message, "01000");
            if (warnings == null) {
                warnings = warning;
            } else {
                warnings.setNextWarning(warning);
            }
        }
    }

    SQLWarning warnings() {
        return warnings;
    }

    void clearWarnings() {
        warnings = null;
    }

    /**
     * The SQLException for a failure of the current run. A cancellation (57014) that the user did not
     * ask for, in a run with a timeout, is the timeout: {@link java.sql.SQLTimeoutException}.
     */
    SQLException translate(Throwable failure) {
        SQLException error = SqlExceptions.translate(failure);
        Run run = current;
        if (ErrorCode.QUERY_CANCELED.sqlState().equals(error.getSQLState()) && run != null
                && run.timeoutMillis > 0 && !run.cancelledByUser) {
            return SqlExceptions.timeout("query timed out after " + formatSeconds(run.timeoutMillis) + ": "
                    + error.getMessage(), error);
        }
        return error;
    }

    /** Frees a result no result set took (the statement closed or ran again first). */
    void discardPending() {
        QueryResult result = pending;
        pending = null;
        if (result != null) {
            try {
                result.close();
            } catch (RuntimeException e) {
                LOG.warn("closing an unread query result failed", e);
            }
        }
    }

    private static String formatSeconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "...";
    }
}
