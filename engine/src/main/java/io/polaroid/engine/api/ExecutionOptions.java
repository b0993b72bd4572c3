package io.polaroid.engine.api;

import java.util.Objects;

/**
 * Limits and controls for one execution.
 *
 * @param timeoutMillis  cancel the query after this long; 0 for no timeout
 * @param maxRows        stop after this many rows; 0 for all rows
 * @param memoryLimitBytes the query's memory account; 0 for the engine's default
 * @param cancellation   lets another thread cancel the query
 */
public record ExecutionOptions(long timeoutMillis, long maxRows, long memoryLimitBytes,
                               QueryCancellation cancellation) {

    public ExecutionOptions {
        if (timeoutMillis < 0 || maxRows < 0 || memoryLimitBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** No timeout, no row limit, the default memory limit, a fresh cancellation handle. */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(0, 0, 0, new QueryCancellation());
    }
}
