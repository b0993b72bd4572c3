package io.polaroid.server.hooks;

/**
 * Told about every statement the server has finished running: metrics, audit logs, one structured log
 * line per query. Called on the thread that ran the statement, after its memory was released; it must
 * be quick and must not throw.
 */
@FunctionalInterface
public interface QueryListener {
    QueryListener NONE = record -> { };

    void onQueryFinished(QueryRecord record);
}
