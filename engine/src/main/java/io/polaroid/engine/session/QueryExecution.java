package io.polaroid.engine.session;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.plan.PlannedStatement;
import io.polaroid.engine.sql.SqlErrors;
import io.polaroid.engine.types.ParameterValues;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Starts one execution of a plan: opens the query's memory account (a child of the root allocator with
 * the query's limit), binds parameters, arms the timeout, builds the operator tree, and hands back a
 * result whose {@code close()} undoes all of it.
 */
final class QueryExecution {
    private static final AtomicLong QUERY_IDS = new AtomicLong();

    private QueryExecution() {
    }

    /** @param warnings notes for the client about this execution (the result reports them) */
    static QueryResult start(EngineServices services, String sql, PlannedStatement plan, List<Object> parameters,
                             ExecutionOptions options, List<String> warnings) {
        ParameterValues bound = ParameterValues.bind(plan.parameterTypes(), parameters);
        return run(services, sql, options, runtime -> plan.root().execute(runtime), plan, bound, warnings);
    }

    /**
     * Runs {@code body} with a fresh runtime; {@code body} builds the source of the result. Everything is
     * released if it fails.
     */
    static QueryResult run(EngineServices services, String sql, ExecutionOptions options,
                           Function<QueryRuntime, BatchSource> body, PlannedStatement plan, ParameterValues bound,
                           List<String> warnings) {
        options.cancellation().throwIfCancelled();
        long limit = options.memoryLimitBytes() > 0 ? options.memoryLimitBytes() : services.defaultQueryMemoryLimit();
        BufferAllocator allocator = services.rootAllocator().newChildAllocator(
                "query-" + QUERY_IDS.incrementAndGet(), 0, limit);
        ScheduledFuture<?> timeout = null;
        QueryRuntime runtime = null;
        try {
            if (options.timeoutMillis() > 0) {
                long millis = options.timeoutMillis();
                timeout = services.timer().schedule(
                        () -> options.cancellation().cancel("the query timeout of " + millis + " ms expired"),
                        millis, TimeUnit.MILLISECONDS);
            }
            ExecutionContext context = new ExecutionContext(allocator, options.cancellation(), services.batchRows());
            runtime = new QueryRuntime(context, services.catalog(), bound, services.scanExecutor(),
                    services.parallelism(), plan.rootSchema(), plan.typeFactory());
            BatchSource source = body.apply(runtime);
            ScheduledFuture<?> armed = timeout;
            QueryRuntime started = runtime;
            return new StreamingResult(sql, source, plan.resultSchema(), context, options.maxRows(), warnings, () -> {
                if (armed != null) {
                    armed.cancel(false);
                }
                try {
                    started.close();
                } finally {
                    allocator.close();
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            RuntimeException translated = SqlErrors.translate(e, sql);
            if (runtime != null) {
                try {
                    runtime.close();
                } catch (RuntimeException failed) {
                    translated.addSuppressed(failed);
                }
            }
            try {
                allocator.close();
            } catch (RuntimeException leak) {
                translated.addSuppressed(leak);
            }
            throw translated;
        }
    }
}
