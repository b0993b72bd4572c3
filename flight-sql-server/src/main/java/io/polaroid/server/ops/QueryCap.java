package io.polaroid.server.ops;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.QueryAdmission;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code maxRunning} statements run at once ({@code --max-concurrent-queries}); the next ones wait
 * in arrival order up to {@code queueTimeout} ({@code --queue-timeout}) and then fail with {@code 53300}
 * (clients see {@code RESOURCE_EXHAUSTED}). A fair semaphore gives the first waiter the first free slot,
 * so a burst of short queries cannot starve one that has waited longer.
 */
public final class QueryCap implements QueryAdmission {
    private final int maxRunning;
    private final Duration queueTimeout;
    private final Semaphore slots;

    public QueryCap(int maxRunning, Duration queueTimeout) {
        if (maxRunning < 1) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "--max-concurrent-queries must be at least 1: " + maxRunning);
        }
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        if (queueTimeout.isNegative()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "--queue-timeout must not be negative: " + queueTimeout);
        }
        this.maxRunning = maxRunning;
        this.queueTimeout = queueTimeout;
        this.slots = new Semaphore(maxRunning, true);
    }

    @Override
    public Permit admit(String identity, String statement) {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolaroidException(ErrorCode.QUERY_CANCELED, "the statement was cancelled while waiting to run");
        }
        if (!admitted) {
            throw new PolaroidException(ErrorCode.TOO_MANY_QUERIES, "too many queries: " + maxRunning
                    + " are already running (--max-concurrent-queries " + maxRunning + ") and this one waited "
                    + describe(queueTimeout) + " (--queue-timeout) for a slot; try again later");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            // The server closes exactly once, but a second close must not hand out a slot that isn't free.
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
    }

    /** Statements running now. */
    public int running() {
        return maxRunning - slots.availablePermits();
    }

    /** Statements waiting for a slot now (an estimate, as {@link Semaphore#getQueueLength()} is). */
    public int queued() {
        return slots.getQueueLength();
    }

    public int maxRunning() {
        return maxRunning;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
