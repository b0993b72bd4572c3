package io.polaroid.server.flight;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.ingest.BulkStatement;
import io.polaroid.server.session.ClientSession;
import io.polaroid.server.session.ServerStatement;
import io.polaroid.server.session.SqlStatement;
import java.util.List;
import java.util.Objects;

/**
 * Runs a statement that returns an update count ({@code CommandStatementUpdate}, a prepared statement's
 * update): authorize, wait for admission, run once per bound parameter row and add the counts up. A bulk
 * statement ({@code INSERT ... VALUES (?, ...)} of an ingesting client) takes the uploaded rows as its
 * data instead, in one atomic catalog change.
 */
final class StatementUpdates {
    private final ServerServices services;
    private final RunningCalls running;

    StatementUpdates(ServerServices services, RunningCalls running) {
        this.services = Objects.requireNonNull(services, "services");
        this.running = Objects.requireNonNull(running, "running");
    }

    /**
     * @param parameterRows the rows to run an engine statement with (empty: once without parameters)
     * @param upload        the uploaded rows a bulk statement writes; null when the call brings none
     * @return the update count
     */
    long run(ClientSession session, ServerStatement statement, String identity, List<List<Object>> parameterRows,
             BatchSource upload) {
        return admitted(session, identity, statement.operation(), statement.sql(), cancellation -> {
            if (statement instanceof BulkStatement) {
                BulkStatement bulk = (BulkStatement) statement;
                return upload == null ? bulk.execute() : bulk.execute(upload);
            }
            return runEngineStatement(session, (SqlStatement) statement, parameterRows, cancellation);
        });
    }

    /**
     * Runs {@code work} the way every statement runs: registered as running (so shutdown waits for it),
     * authorized for {@code operation}, admitted, and reported to the query listener.
     *
     * @param description the SQL text, or what an ingest does, for the authorizer and the log
     * @return what {@code work} returns: the update count
     */
    long admitted(ClientSession session, String identity, Operation operation, String description, Work work) {
        QueryCancellation cancellation = new QueryCancellation();
        QueryMeter meter = new QueryMeter(services.listener(), identity, session.id(), operation, description);
        try (RunningCalls.Call call = running.enter(cancellation);
             ClientSession.Use use = session.use()) {
            services.authorizer().check(identity, operation, description);
            try (QueryAdmission.Permit permit = services.admission().admit(identity, description)) {
                cancellation.throwIfCancelled();
                long count = work.run(cancellation);
                meter.succeeded(count, 0);
                return count;
            }
        } catch (RuntimeException | Error failure) {
            Throwable reported = running.reportable(failure);
            meter.failed(reported, 0, 0);
            if (reported instanceof RuntimeException) {
                throw (RuntimeException) reported;
            }
            throw failure;
        }
    }

    /** The work of an update; it may stop early when {@code cancellation} fires (the server is stopping). */
    @FunctionalInterface
    interface Work {
        long run(QueryCancellation cancellation);
    }

    private long runEngineStatement(ClientSession session, SqlStatement statement, List<List<Object>> parameterRows,
                                    QueryCancellation cancellation) {
        if (statement.returnsRows()) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the statement returns rows, so it cannot run"
                    + " as an update; run it as a query: " + statement.sql());
        }
        ExecutionOptions options = StatementRuns.options(services.queryMemoryLimitBytes(), cancellation);
        long total = 0;
        for (List<Object> parameters : StatementRuns.of(parameterRows)) {
            try (QueryResult result = session.sql().execute(statement.prepared(), parameters, options)) {
                total += Math.max(0, result.updateCount());
            }
        }
        return total;
    }
}
