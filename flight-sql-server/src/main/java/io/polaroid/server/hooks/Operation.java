package io.polaroid.server.hooks;

import io.polaroid.engine.api.PreparedQuery;

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
     * Run a statement that changes the catalog: {@code CREATE}/{@code DROP}/{@code REFRESH DATASET},
     * {@code CREATE}/{@code DROP SCHEMA}, and the {@code CREATE TABLE} a bulk-ingesting client sends.
     * ({@code SET SCHEMA} only changes the session: a {@link #QUERY}.)
     */
    COMMAND,
    /** Write uploaded rows into a dataset: {@code CommandStatementIngest}, or a client's bulk {@code INSERT}. */
    INGEST;

    /**
     * What running {@code statement} is: a {@link #COMMAND} when it changes the catalog, else a
     * {@link #QUERY} (rows, or only the session's current schema). One rule for the Flight and HTTP endpoints.
     */
    public static Operation of(PreparedQuery statement) {
        return statement.changesCatalog() ? COMMAND : QUERY;
    }
}
