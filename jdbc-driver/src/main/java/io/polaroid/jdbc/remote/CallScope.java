package io.polaroid.jdbc.remote;

import io.grpc.Context;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * A gRPC context that the Flight calls made in it belong to: they are cancelled when the scope's
 * {@link QueryCancellation} fires or the scope closes, and fail once its deadline has passed. The
 * deadline travels to the server with each call, so the server can stop too.
 *
 * <p>Cancelling a context is how a blocked Flight call is interrupted from another thread: a stream
 * waiting for the server's next batch ends at once with CANCELLED. The network timeout works that way: each
 * wait in {@link #call} arms a timer that cancels the context if the wait outlasts it. A deadline could not
 * serve: it bounds a whole call, and a stream may rightly take longer than any single wait for its next batch.
 */
final class CallScope implements AutoCloseable {
    private final Context.CancellableContext context;
    private final QueryCancellation cancellation;
    private final long timeoutMillis;
    /** The longest one wait in {@link #call} may last; 0 for no limit. */
    private final long networkTimeoutMillis;
    private volatile boolean networkTimedOut;

    private CallScope(Context parent, long timeoutMillis, Duration networkTimeout, QueryCancellation cancellation) {
        this.context = timeoutMillis > 0
                ? parent.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS, RemoteExecutors.timer())
                : parent.withCancellation();
        this.cancellation = cancellation;
        this.timeoutMillis = timeoutMillis;
        this.networkTimeoutMillis = networkTimeout.toMillis();
        cancellation.onCancel(() -> context.cancel(null));
    }

    /**
     * The scope of one execution: its statement's cancel switch and timeout, and the connection's network
     * timeout. Rooted apart from the caller's context, so the result can be read after the calling method
     * returned.
     */
    static CallScope open(ExecutionOptions options, Duration networkTimeout) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        return new CallScope(Context.ROOT, options.timeoutMillis(), networkTimeout, options.cancellation());
    }

    /** The scope of one call outside any execution (metadata, prepare), bound by the network timeout only. */
    static CallScope forCall(Duration networkTimeout) {
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        return new CallScope(Context.current(), 0, networkTimeout, new QueryCancellation());
    }

    /** Runs {@code call} with a deadline of {@code limit}: every call it makes fails with TIMED_OUT once it passes. */
    static <T> T withDeadline(Duration limit, Callable<T> call) {
        try (CallScope scope = new CallScope(Context.current(), Math.max(1, limit.toMillis()), Duration.ZERO,
                new QueryCancellation())) {
            return scope.call(call);
        }
    }

    /**
     * Runs {@code call} in this context: the calls it starts can be cancelled and have the deadline, and
     * {@code call} itself, one wait for the server, may last the network timeout at most.
     */
    <T> T call(Callable<T> call) {
        cancellation.throwIfCancelled();
        ScheduledFuture<?> watchdog = networkTimeoutMillis > 0
                ? RemoteExecutors.timer().schedule(this::networkTimeoutExpired, networkTimeoutMillis, TimeUnit.MILLISECONDS)
                : null;
        try {
            return context.call(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    private void networkTimeoutExpired() {
        networkTimedOut = true;
        context.cancel(null);
    }

    /**
     * The PolaroidException for a failed call of this execution: a call stopped by this scope is a
     * cancellation (57014) with the statement's reason, or a timeout; anything else is the link's.
     */
    PolaroidException failure(FlightRuntimeException e, ServerLink link) {
        if (networkTimedOut) {
            return link.waitedTooLong(networkTimeoutMillis, e);
        }
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
