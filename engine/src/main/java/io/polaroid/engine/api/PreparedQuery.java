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
