package io.polaroid.server.hooks;

/**
 * Admits statements to run: a cap on concurrently running queries, a queue, a per-user quota. The server
 * asks for a {@link Permit} right before it executes a statement (when a {@code DoGet} starts streaming,
 * when an update or ingest starts) and closes it when the statement has finished, failed or been
 * cancelled. Planning ({@code GetFlightInfo}, prepare) needs no permit.
 */
@FunctionalInterface
public interface QueryAdmission {
    /** Admits everything at once. */
    QueryAdmission UNLIMITED = (identity, statement) -> () -> { };

    /**
     * Blocks until the statement may run, or fails. An implementation that gives up throws
     * {@link io.polaroid.error.PolaroidException} with {@link io.polaroid.error.ErrorCode#TOO_MANY_QUERIES}
     * (53300), which clients see as {@code RESOURCE_EXHAUSTED}.
     *
     * @param identity  the peer identity, empty without authentication
     * @param statement the SQL text (or a description of the ingest)
     */
    Permit admit(String identity, String statement);

    /** A running statement's admission; closed exactly once. */
    @FunctionalInterface
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
