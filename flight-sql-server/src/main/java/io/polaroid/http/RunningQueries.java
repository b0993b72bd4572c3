package io.polaroid.http;

import io.polaroid.engine.api.QueryCancellation;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries the HTTP endpoint is running, each with its cancel switch, so a stopping server can let them
 * finish for its grace period and cancel the rest before the engine closes.
 */
final class RunningQueries {
    private final Set<QueryCancellation> running = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();

    void add(QueryCancellation cancellation) {
        running.add(Objects.requireNonNull(cancellation, "cancellation"));
    }

    void remove(QueryCancellation cancellation) {
        running.remove(cancellation);
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    int count() {
        return running.size();
    }

    void cancelAll(String reason) {
        running.forEach(cancellation -> cancellation.cancel(reason));
    }

    /** Waits until none runs, at most {@code timeout}; returns whether none runs. */
    boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
