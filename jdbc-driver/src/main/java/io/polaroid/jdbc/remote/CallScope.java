package io.polaroid.jdbc.remote;

import io.grpc.Context;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * A gRPC context that the Flight calls made in it belong to: they are cancelled when the scope's
 * {@link QueryCancellation} fires or the scope closes, and fail once its deadline has passed. The
 * deadline travels to the server with each call, so the server can stop too.
 *
 * <p>Cancelling a context is how a blocked Flight call is interrupted from another thread: a stream
 * waiting for the server's next batch ends at once with CANCELLED.
 */
final class CallScope implements AutoCloseable {
    private final Context.CancellableContext context;
    private final QueryCancellation cancellation;
    private final long timeoutMillis;

    private CallScope(Context parent, long timeoutMillis, QueryCancellation cancellation) {
        this.context = timeoutMillis > 0
                ? parent.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS, RemoteExecutors.timer())
                : parent.withCancellation();
        this.cancellation = cancellation;
        this.timeoutMillis = timeoutMillis;
        cancellation.onCancel(() -> context.cancel(null));
    }

    /**
     * The scope of one execution: its statement's cancel switch and timeout. Rooted apart from the
     * caller's context, so the result can be read after the calling method returned.
     */
    static CallScope open(ExecutionOptions options) {
        Objects.requireNonNull(options, "options");
        return new CallScope(Context.ROOT, options.timeoutMillis(), options.cancellation());
    }

    /** Runs {@code call} with a deadline of {@code limit}: every call it makes fails with TIMED_OUT once it passes. */
    static <T> T withDeadline(Duration limit, Callable<T> call) {
        try (CallScope scope = new CallScope(Context.current(), Math.max(1, limit.toMillis()), new QueryCancellation())) {
            return scope.call(call);
        }
    }

    /** Runs {@code call} in this context: the calls it starts can be cancelled and have the deadline. */
    <T> T call(Callable<T> call) {
        cancellation.throwIfCancelled();
        try {
            return context.call(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PolaroidException for a failed call of this execution: a call stopped by this scope is a
     * cancellation (57014) with the statement's reason, or a timeout; anything else is the link's.
     */
    PolaroidException failure(FlightRuntimeException e, ServerLink link) {
        FlightStatusCode code = e.status().code();
        if (code == FlightStatusCode.CANCELLED && cancellation.isCancelled()) {
            return new PolaroidException(ErrorCode.QUERY_CANCELED, "query cancelled: " + cancellation.reason(), e);
        }
        if (code == FlightStatusCode.TIMED_OUT && timeoutMillis > 0
                && (context.getDeadline() == null || context.getDeadline().isExpired())) {
            return new PolaroidException(ErrorCode.QUERY_CANCELED, "the query timeout of " + timeoutMillis
                    + " ms expired", e);
        }
        return link.failure(e);
    }

    /** Ends the context: a call still running in it is cancelled, the deadline's timer released. */
    @Override
    public void close() {
        context.cancel(null);
    }
}
