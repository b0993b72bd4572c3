package io.polaroid.server.flight;

import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements running right now (streams, updates, ingests), each with its cancel switch, so that a
 * stopping server can wait for them for its grace period, cancel the rest, and then wait until they have
 * released their memory before the engine closes.
 */
public final class RunningCalls {
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    private volatile boolean stopping;

    /** Registers a running statement until the returned call is closed. */
    Call enter(QueryCancellation cancellation) {
        Call call = new Call(Objects.requireNonNull(cancellation, "cancellation"));
        calls.add(call);
        return call;
    }

    public int count() {
        return calls.size();
    }

    /**
     * Cancels every running statement because the server is stopping. Their clients are told the
     * connection was lost ({@link #reportable}), not that they cancelled: a connection pool must not
     * reuse a connection to a server that is going away.
     */
    public void cancelAll(String reason) {
        stopping = true;
        for (Call call : calls) {
            call.cancellation.cancel(reason);
        }
    }

    /**
     * The failure to send a client for {@code failure}: a cancellation caused by the server stopping
     * becomes a lost connection (08006, UNAVAILABLE); anything else is sent as it is.
     */
    Throwable reportable(Throwable failure) {
        if (stopping && failure instanceof PolaroidException
                && ((PolaroidException) failure).code() == ErrorCode.QUERY_CANCELED) {
            return new PolaroidException(ErrorCode.CONNECTION_LOST, "the server is shutting down: "
                    + failure.getMessage(), failure);
        }
        return failure;
    }

    /** Waits until no statement runs, at most {@code timeout}; returns whether none runs. */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!calls.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        }
    }

    /** A running statement's registration; closing it ends the registration. */
    final class Call implements AutoCloseable {
        private final QueryCancellation cancellation;

        private Call(QueryCancellation cancellation) {
            this.cancellation = cancellation;
        }

        @Override
        public void close() {
            calls.remove(this);
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }
}
