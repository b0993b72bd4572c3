package io.polaroid.engine.api;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement parsed, validated and planned once, executable many times through
 * {@link SqlSession#execute(PreparedQuery, java.util.List, ExecutionOptions)}.
 */
public interface PreparedQuery extends AutoCloseable {

    String sql();

    /** Whether executing returns rows ({@code SELECT}, {@code SHOW DATASETS}, {@code EXPLAIN}) or an update count. */
    boolean returnsRows();

    /**
     * Whether executing changes what the catalog holds ({@code CREATE}/{@code DROP}/{@code REFRESH}); false
     * for queries and for statements that only change the session ({@code SET SCHEMA}, {@code USE}), which
     * a read-only user may run. Sessions that cannot tell answer for every statement without rows.
     */
    default boolean changesCatalog() {
        return !returnsRows();
    }

    /**
     * The schema of the rows, accurate before execution; empty (no fields) for statements that return
     * an update count. Fields carry {@link ColumnMetadata} keys.
     */
    Schema resultSchema();

    /** One field per {@code ?} in order: its inferred type and nullability. Empty when there are none. */
    Schema parameterSchema();

    /** Releases the plan. Idempotent. */
    @Override
    void close();
}
