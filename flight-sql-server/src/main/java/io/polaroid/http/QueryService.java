package io.polaroid.http;

import io.polaroid.engine.Engine;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.server.hooks.Authorizer;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the statement of one HTTP request on the engine, with the same checks the Flight endpoint makes:
 * the statement is prepared (so parameters are bound by type, and the plan cache serves repeated SQL),
 * classified as a query or a command and authorized for the caller's role, admitted by the query cap,
 * and executed with the server's per-query memory limit and a cancel switch.
 */
final class QueryService {
    private final Engine engine;
    private final Authorizer authorizer;
    private final QueryAdmission admission;
    private final QueryListener listener;
    private final RunningQueries running;
    private final long queryMemoryLimitBytes;
    private final AtomicLong requests = new AtomicLong();

    QueryService(Engine engine, Authorizer authorizer, QueryAdmission admission, QueryListener listener,
                 RunningQueries running, long queryMemoryLimitBytes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.admission = Objects.requireNonNull(admission, "admission");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.running = Objects.requireNonNull(running, "running");
        this.queryMemoryLimitBytes = queryMemoryLimitBytes;
    }

    /**
     * Prepares, authorizes, admits and starts {@code request}'s statement. The caller reads the result and
     * closes the run, which frees its memory, releases its admission and reports it to the listener.
     *
     * @throws io.polaroid.error.PolaroidException as the engine, the authorizer or the admission fail
     */
    QueryRun start(String identity, QueryRequest request) {
        QueryCancellation cancellation = new QueryCancellation();
        QueryRun run = new QueryRun(identity, "http-" + requests.incrementAndGet(), request.sql(), cancellation,
                listener, running);
        try {
            SqlSession session = run.session(engine.openSession());
            PreparedQuery prepared = run.prepared(session.prepare(request.sql()));
            Operation operation = Operation.of(prepared);
            run.operation(operation);
            authorizer.check(identity, operation, request.sql());
            run.permit(admission.admit(identity, request.sql()));
            cancellation.throwIfCancelled();
            QueryResult result = session.execute(prepared, request.params(),
                    new ExecutionOptions(0, 0, queryMemoryLimitBytes, cancellation));
            run.result(result);
            return run;
        } catch (RuntimeException | Error e) {
            run.fail(e);
            run.close();
            throw e;
        }
    }
}
