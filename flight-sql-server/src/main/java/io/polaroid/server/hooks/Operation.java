package io.polaroid.server.hooks;

/**
 * What a call asks the server to do, as an {@link Authorizer} sees it. The server classifies every call
 * before doing any work for it.
 */
public enum Operation {
    /** Run a statement that returns rows ({@code SELECT}, {@code SHOW DATASETS}, {@code EXPLAIN}). */
    QUERY,
    /** Browse metadata: catalogs, schemas, tables, types, keys, server information. */
    METADATA,
    /**
     * Run a statement that changes something or returns an update count: {@code CREATE}/{@code DROP}/
     * {@code REFRESH DATASET}, {@code CREATE}/{@code DROP SCHEMA}, {@code SET SCHEMA}, and the
     * {@code CREATE TABLE} a bulk-ingesting client sends.
     */
    COMMAND,
    /** Write uploaded rows into a dataset: {@code CommandStatementIngest}, or a client's bulk {@code INSERT}. */
    INGEST
}
