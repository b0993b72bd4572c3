package io.polaroid.engine.api;

import java.util.List;

/**
 * One client's conversation with a SQL backend: its current schema, its prepared statements and the
 * queries it runs. The JDBC front talks only to this interface; each connection mode (embedded engine,
 * remote Flight SQL server, local Arrow files) implements it once, and the Flight SQL server drives the
 * embedded implementation on behalf of its remote clients.
 *
 * <p>Methods throw {@link io.polaroid.error.PolaroidException} with an SQLState; nothing else escapes.
 * A session is used by one thread at a time, except {@link QueryCancellation#cancel} which may be called
 * from any thread.
 */
public interface SqlSession extends AutoCloseable {

    /** The JDBC catalog every object lives in ({@code polaroid}). */
    String catalogName();

    /** The schema unqualified names resolve against; {@code main} by default. */
    String currentSchema();

    /** Changes the current schema; fails with {@code 3F000} if it does not exist. */
    void setCurrentSchema(String schema);

    /**
     * Parses, validates and plans {@code sql} once. The result can be executed many times with different
     * parameters. DDL and catalog commands ({@code CREATE DATASET}, {@code SHOW DATASETS}, ...) prepare too.
     */
    PreparedQuery prepare(String sql);

    /**
     * Prepares {@code sql} for a single execution (JDBC's {@code Statement.execute(sql)}): the caller runs
     * the result at most once, without parameters, and then closes it. A session that can plan a one-off
     * statement more cheaply than a reusable one overrides this (a remote session saves round trips);
     * by default it is {@link #prepare(String)}.
     */
    default PreparedQuery prepareOnce(String sql) {
        return prepare(sql);
    }

    /**
     * Runs a prepared statement. {@code parameters} holds one value per {@code ?}, in order, as Java
     * objects: {@code null}, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, String,
     * byte[], java.time.LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, or the java.sql
     * Date, Time and Timestamp types.
     *
     * <p>The returned result streams: rows are produced as the caller pulls batches.
     */
    QueryResult execute(PreparedQuery query, List<Object> parameters, ExecutionOptions options);

    /** Prepares and runs {@code sql} with no parameters; the plan is released with the result. */
    QueryResult execute(String sql, ExecutionOptions options);

    /** Schemas of {@link #catalogName()}, sorted by name. */
    List<SchemaInfo> schemas();

    /** Every table (dataset) of every schema, sorted by schema then name. */
    List<TableInfo> tables();

    /** The columns of one table in ordinal order; empty if the table does not exist. */
    List<ColumnInfo> columns(String schema, String table);

    /** Functions the SQL dialect offers, for {@code DatabaseMetaData.getFunctions}. */
    List<FunctionInfo> functions();

    /** Closes prepared statements and cancels running queries of this session. Idempotent. */
    @Override
    void close();
}
