package io.polaroid.server.flight;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.ingest.BulkStatement;
import io.polaroid.server.session.ClientSession;
import io.polaroid.server.session.Execution;
import io.polaroid.server.session.ServerStatement;
import io.polaroid.server.session.SqlStatement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;

/**
 * Runs a planned {@link Execution} for the {@code DoGet} that redeemed its ticket and streams its rows as
 * the engine produces them: authorize, wait for admission, execute, send batch by batch
 * ({@link ResultStream}), then release the result (and with it every byte of the query's memory) before
 * the call ends. A failure after the first batch ends the stream with the error; nothing is retried.
 *
 * <p>The work runs on a {@link StreamThreads} thread, not on the gRPC thread of the call, so that the
 * call's readiness and cancellation callbacks reach the stream while it runs (see {@link StreamThreads}).
 */
final class ExecutionStreamer {
    private final ServerServices services;
    private final RunningCalls running;
    private final StreamThreads threads;

    ExecutionStreamer(ServerServices services, RunningCalls running, StreamThreads threads) {
        this.services = Objects.requireNonNull(services, "services");
        this.running = Objects.requireNonNull(running, "running");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** Starts streaming {@code execution} and returns; the stream ends the call when it is done. */
    void stream(Execution execution, String identity, ServerStreamListener listener) {
        // made here, on the call's thread: the stream registers the call's callbacks, which gRPC allows
        // only before the handler returns; and the call counts as running from now, so a stopping
        // server waits for it even before its thread starts
        ResultStream stream = new ResultStream(listener, execution.cancellation(), services.allocator());
        RunningCalls.Call call = running.enter(execution.cancellation());
        try {
            threads.execute(() -> run(execution, identity, listener, stream, call));
        } catch (RejectedExecutionException e) {
            try (call; stream) {
                listener.error(FlightErrors.toFlight(new PolaroidException(ErrorCode.CONNECTION_LOST,
                        "the server is shutting down")));
            } finally {
                services.executions().finish(execution);
            }
        }
    }

    private void run(Execution execution, String identity, ServerStreamListener listener, ResultStream stream,
                     RunningCalls.Call call) {
        ServerStatement statement = execution.statement();
        ClientSession session = execution.session();
        QueryMeter meter = new QueryMeter(services.listener(), identity, session.id(), statement.operation(),
                statement.sql());
        try (call;
             ClientSession.Use use = session.use();
             stream) {
            services.authorizer().check(identity, statement.operation(), statement.sql());
            try (QueryAdmission.Permit permit = services.admission().admit(identity, statement.sql())) {
                execution.cancellation().throwIfCancelled();
                run(session, statement, execution, stream);
                if (!stream.started()) {
                    stream.start(statement.resultSchema());
                }
                stream.complete();
            }
            meter.succeeded(stream.rows(), stream.bytes());
        } catch (RuntimeException | Error failure) {
            Throwable reported = running.reportable(failure);
            listener.error(FlightErrors.toFlight(reported));
            meter.failed(reported, stream.rows(), stream.bytes());
        } finally {
            services.executions().finish(execution);
        }
    }

    private void run(ClientSession session, ServerStatement statement, Execution execution, ResultStream stream) {
        if (statement instanceof BulkStatement) {
            ((BulkStatement) statement).execute();
            return;
        }
        SqlStatement sql = (SqlStatement) statement;
        ExecutionOptions options = StatementRuns.options(services.queryMemoryLimitBytes(), execution.cancellation());
        for (List<Object> parameters : StatementRuns.of(execution.parameterRows())) {
            try (QueryResult result = session.sql().execute(sql.prepared(), parameters, options)) {
                if (!stream.started()) {
                    stream.start(result.schema());
                }
                stream.send(result);
            }
        }
    }
}
