package io.polaroid.jdbc;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.ReleasingResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.jdbc.error.SqlExceptions;
import io.polaroid.jdbc.metadata.CatalogMetadata;
import io.polaroid.jdbc.metadata.MetadataColumns;
import io.polaroid.jdbc.metadata.MetadataTable;
import io.polaroid.jdbc.mode.DialectInfo;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's {@link org.apache.calcite.avatica.Meta} over a {@link SqlSession}: the one place where JDBC
 * calls become session calls, for every connection mode (a mode differs only in the session it opens).
 *
 * <p>Results are not put into Avatica frames: executing hands the session's streaming
 * {@link QueryResult} to the statement's {@link StatementExecution}, and the result set that Avatica
 * creates next reads it through an Arrow cursor. {@code DatabaseMetaData} results are small and do use
 * frames. Session failures ({@code PolaroidException}) travel up through Avatica, which wraps them, and
 * the statement classes translate them into SQLExceptions with the engine's SQLState.
 */
final class SessionMeta extends MetaImpl {
    private static final Logger LOG = LoggerFactory.getLogger(SessionMeta.class);

    /** A prepared statement's plan and its Avatica description. */
    private record Prepared(PreparedQuery query, Signature signature) {
    }

    private final PolaroidConnection polaroid;
    private final AtomicInteger statementIds = new AtomicInteger();
    private final Map<Integer, Prepared> prepared = new ConcurrentHashMap<>();

    SessionMeta(PolaroidConnection connection) {
        super(connection);
        this.polaroid = connection;
        connProps.setAutoCommit(true);
        connProps.setReadOnly(false);
        connProps.setTransactionIsolation(Connection.TRANSACTION_NONE);
    }

    private SqlSession session() {
        return polaroid.backend().session();
    }

    // --- connection ----------------------------------------------------------------------------------

    /**
     * Schema changes go to the session (which checks that the schema exists); the catalog is always the
     * session's one. Transactions do not exist: auto-commit can be switched off (Spring and Hikari do)
     * but every statement takes effect at once, and {@code commit}/{@code rollback} have nothing to do,
     * as JDBC specifies for a database without transactions.
     */
    @Override
    public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties requested) {
        if (requested.getSchema() != null) {
            session().setCurrentSchema(requested.getSchema());
        }
        if (requested.getCatalog() != null && !requested.getCatalog().equalsIgnoreCase(session().catalogName())) {
            polaroid.addWarning("catalog " + requested.getCatalog() + " does not exist; the catalog stays "
                    + session().catalogName());
        }
        Integer isolation = requested.getTransactionIsolation();
        if (isolation != null && isolation != Connection.TRANSACTION_NONE) {
            polaroid.addWarning("Polaroid has no transactions; every statement takes effect at once, so the "
                    + "isolation level stays TRANSACTION_NONE");
        }
        if (requested.isAutoCommit() != null) {
            connProps.setAutoCommit(requested.isAutoCommit());
        }
        if (requested.isReadOnly() != null) {
            connProps.setReadOnly(requested.isReadOnly());
        }
        connProps.setCatalog(session().catalogName());
        connProps.setSchema(session().currentSchema());
        connProps.setTransactionIsolation(Connection.TRANSACTION_NONE);
        connProps.setDirty(false);
        return connProps;
    }

    @Override
    public void commit(ConnectionHandle ch) {
        // nothing is ever pending
    }

    @Override
    public void rollback(ConnectionHandle ch) {
        // nothing is ever pending
    }

    /** Cancels what runs, closes every statement (and so every result), then the backend. */
    @Override
    public void closeConnection(ConnectionHandle ch) {
        List<AvaticaStatement> statements = new ArrayList<>(polaroid.statementMap.values());
        for (AvaticaStatement statement : statements) {
            execution(statement).cancel("the connection was closed");
        }
        for (AvaticaStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("closing a statement of a closing connection failed", e);
            }
        }
        for (Prepared plan : prepared.values()) {
            plan.query().close();
        }
        prepared.clear();
        polaroid.backend().close();
    }

    // --- statements ------------------------------------------------------------------------------------

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        return new StatementHandle(ch.id, statementIds.getAndIncrement(), null);
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        PreparedQuery query = session().prepare(sql);
        StatementHandle handle = createStatement(ch);
        handle.signature = Signatures.of(sql, query.resultSchema(), query.parameterSchema(), query.returnsRows());
        prepared.put(handle.id, new Prepared(query, handle.signature));
        return handle;
    }

    @Override
    public void closeStatement(StatementHandle h) {
        AvaticaStatement statement = polaroid.statementMap.get(h.id);
        if (statement != null) {
            execution(statement).discardPending();
        }
        Prepared plan = prepared.remove(h.id);
        if (plan != null) {
            plan.query().close();
        }
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
                                           PrepareCallback callback) throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, -1, callback);
    }

    /** {@code Statement.execute*(sql)}: prepares, checks what the caller expects, runs, hands over. */
    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
                                           PrepareCallback callback) throws NoSuchStatementException {
        AvaticaStatement statement = statement(h);
        StatementExecution execution = execution(statement);
        try {
            synchronized (callback.getMonitor()) {
                callback.clear();
            }
            PreparedQuery query = session().prepareOnce(sql);
            QueryResult result;
            try {
                execution.checkExpectation(query.returnsRows(), sql);
                requireNoParameters(query);
                result = session().execute(query, List.of(), options(statement, execution));
            } catch (SQLException | RuntimeException e) {
                query.close();
                throw e;
            }
            QueryResult owned = ReleasingResult.of(result, query);
            Signature signature = Signatures.of(sql, owned.schema(), query.parameterSchema(), owned.updateCount() < 0);
            MetaResultSet metaResultSet;
            synchronized (callback.getMonitor()) {
                metaResultSet = deliver(h, execution, owned, signature);
                callback.assign(signature, null, metaResultSet.updateCount);
            }
            callback.execute();
            return new ExecuteResult(List.of(metaResultSet));
        } catch (SQLException e) {
            throw SqlExceptions.tunnel(e);
        }
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, -1);
    }

    /** {@code PreparedStatement.execute*()}: runs the plan with the bound parameters. */
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        AvaticaStatement statement = statement(h);
        StatementExecution execution = execution(statement);
        Prepared plan = plan(h);
        try {
            List<Object> values = values(parameterValues);
            QueryResult result = session().execute(plan.query(), values, options(statement, execution));
            return new ExecuteResult(List.of(deliver(h, execution, result, plan.signature())));
        } catch (SQLException e) {
            throw SqlExceptions.tunnel(e);
        }
    }

    /** An update count is final at once; rows go to the result set Avatica creates next. */
    private static MetaResultSet deliver(StatementHandle h, StatementExecution execution, QueryResult result,
                                         Signature signature) {
        long updateCount = result.updateCount();
        if (updateCount >= 0) {
            execution.addWarnings(result.warnings());
            result.close();
            return MetaResultSet.count(h.connectionId, h.id, updateCount);
        }
        execution.resultReady(result);
        return MetaResultSet.create(h.connectionId, h.id, false, signature, null);
    }

    /** {@code PreparedStatement.executeBatch()}: one run per parameter set, stopping at the first failure. */
    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValueLists)
            throws NoSuchStatementException {
        AvaticaStatement statement = statement(h);
        StatementExecution execution = execution(statement);
        Prepared plan = plan(h);
        long[] counts = new long[parameterValueLists.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = runCommand(statement, execution, plan.query(), values(parameterValueLists.get(i)));
            } catch (SQLException | RuntimeException e) {
                throw SqlExceptions.tunnel(batchFailure(execution, e, counts, i));
            }
        }
        return new ExecuteBatchResult(counts);
    }

    /** {@code Statement.executeBatch()}: each SQL text prepared and run in turn (DDL batches). */
    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        AvaticaStatement statement = statement(h);
        StatementExecution execution = execution(statement);
        long[] counts = new long[sqlCommands.size()];
        for (int i = 0; i < counts.length; i++) {
            try (PreparedQuery query = session().prepare(sqlCommands.get(i))) {
                requireNoParameters(query);
                counts[i] = runCommand(statement, execution, query, List.of());
            } catch (SQLException | RuntimeException e) {
                throw SqlExceptions.tunnel(batchFailure(execution, e, counts, i));
            }
        }
        return new ExecuteBatchResult(counts);
    }

    private long runCommand(AvaticaStatement statement, StatementExecution execution, PreparedQuery query,
                            List<Object> values) throws SQLException {
        if (query.returnsRows()) {
            throw new SQLException("a batch may only hold statements that return an update count, not: "
                    + query.sql(), "07000");
        }
        try (QueryResult result = session().execute(query, values, options(statement, execution))) {
            execution.addWarnings(result.warnings());
            return result.updateCount();
        }
    }

    private static SQLException batchFailure(StatementExecution execution, Exception e, long[] counts, int failed) {
        SQLException cause = execution.translate(e);
        long[] done = Arrays.copyOf(counts, failed);
        return new BatchUpdateException("batch command " + (failed + 1) + " failed: " + cause.getMessage(),
                cause.getSQLState(), cause.getErrorCode(), done, cause);
    }

    private ExecutionOptions options(AvaticaStatement statement, StatementExecution execution) throws SQLException {
        long timeoutMillis = statement.getQueryTimeout() * 1000L;
        return execution.start(timeoutMillis, statement.getLargeMaxRows(), polaroid.queryMemoryLimit());
    }

    private static void requireNoParameters(PreparedQuery query) throws SQLException {
        int count = query.parameterSchema().getFields().size();
        if (count > 0) {
            throw new SQLException("the statement has " + count + " parameter(s) (?); run it with a "
                    + "PreparedStatement and bind them", "07001");
        }
    }

    /** The bound values; a parameter never set is an error (JDBC: setNull binds NULL explicitly). */
    private static List<Object> values(List<TypedValue> parameterValues) throws SQLException {
        List<Object> values = new ArrayList<>(parameterValues.size());
        for (int i = 0; i < parameterValues.size(); i++) {
            TypedValue value = parameterValues.get(i);
            if (value == null) {
                throw new SQLException("parameter " + (i + 1) + " of " + parameterValues.size()
                        + " is not set; bind every ? (setNull for NULL)", "07001");
            }
            values.add(value.value);
        }
        return values;
    }

    private AvaticaStatement statement(StatementHandle h) throws NoSuchStatementException {
        AvaticaStatement statement = polaroid.statementMap.get(h.id);
        if (statement == null) {
            throw new NoSuchStatementException(h);
        }
        return statement;
    }

    private Prepared plan(StatementHandle h) throws NoSuchStatementException {
        Prepared plan = prepared.get(h.id);
        if (plan == null) {
            throw new NoSuchStatementException(h);
        }
        return plan;
    }

    private static StatementExecution execution(AvaticaStatement statement) {
        return ((ExecutingStatement) statement).execution();
    }

    // Results stream through ArrowCursor and DatabaseMetaData results arrive whole, so Avatica never
    // needs to fetch more rows or re-sync a result.

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
        return Frame.EMPTY;
    }

    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
        return false;
    }

    // --- DatabaseMetaData ------------------------------------------------------------------------------

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        DialectInfo dialect = polaroid.backend().dialect();
        Map<DatabaseProperty, Object> properties = new EnumMap<>(DatabaseProperty.class);
        properties.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, dialect.sqlKeywords());
        properties.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, dialect.numericFunctions());
        properties.put(DatabaseProperty.GET_STRING_FUNCTIONS, dialect.stringFunctions());
        properties.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, dialect.systemFunctions());
        properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, dialect.timeDateFunctions());
        properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
        return properties;
    }

    private CatalogMetadata catalog() {
        return new CatalogMetadata(session());
    }

    /** A DatabaseMetaData result; a session failure reaches the caller as its SQLException. */
    private MetaResultSet result(Supplier<MetadataTable> rows) {
        MetadataTable table;
        try {
            table = rows.get();
        } catch (RuntimeException e) {
            throw SqlExceptions.tunnel(SqlExceptions.translate(e));
        }
        return createResultSet(Map.of(), table.columns(), CursorFactory.ARRAY, new Frame(0, true, table.rows()));
    }

    private static String text(Pat pattern) {
        return pattern == null ? null : pattern.s;
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return result(() -> catalog().catalogs());
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        return result(() -> catalog().schemas(catalog, text(schemaPattern)));
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return result(() -> catalog().tableTypes());
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                   List<String> typeList) {
        return result(() -> catalog().tables(catalog, text(schemaPattern), text(tableNamePattern), typeList));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                    Pat columnNamePattern) {
        return result(() -> catalog().columns(catalog, text(schemaPattern), text(tableNamePattern),
                text(columnNamePattern)));
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return result(() -> catalog().typeInfo());
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                      Pat functionNamePattern) {
        return result(() -> catalog().functions(catalog, text(schemaPattern), text(functionNamePattern)));
    }

    // Polaroid has no keys, indexes, procedures, privileges or user-defined types: these results are
    // empty, with the columns JDBC defines for them.

    @Override
    public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                            Pat functionNamePattern, Pat columnNamePattern) {
        return result(MetadataColumns::functionColumns);
    }

    @Override
    public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                       Pat procedureNamePattern) {
        return result(MetadataColumns::procedures);
    }

    @Override
    public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                             Pat procedureNamePattern, Pat columnNamePattern) {
        return result(MetadataColumns::procedureColumns);
    }

    @Override
    public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return result(MetadataColumns::primaryKeys);
    }

    @Override
    public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return result(MetadataColumns::foreignKeys);
    }

    @Override
    public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return result(MetadataColumns::foreignKeys);
    }

    @Override
    public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
                                           String parentTable, String foreignCatalog, String foreignSchema,
                                           String foreignTable) {
        return result(MetadataColumns::foreignKeys);
    }

    @Override
    public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table,
                                      boolean unique, boolean approximate) {
        return result(MetadataColumns::indexInfo);
    }

    @Override
    public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema, String table,
                                              int scope, boolean nullable) {
        return result(MetadataColumns::rowIdentifiers);
    }

    @Override
    public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema, String table) {
        return result(MetadataColumns::rowIdentifiers);
    }

    @Override
    public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema, String table,
                                             Pat columnNamePattern) {
        return result(MetadataColumns::columnPrivileges);
    }

    @Override
    public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                            Pat tableNamePattern) {
        return result(MetadataColumns::tablePrivileges);
    }

    @Override
    public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern,
                                 int[] types) {
        return result(MetadataColumns::udts);
    }

    @Override
    public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                       Pat typeNamePattern) {
        return result(MetadataColumns::superTypes);
    }

    @Override
    public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                        Pat tableNamePattern) {
        return result(MetadataColumns::superTables);
    }

    @Override
    public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern,
                                       Pat attributeNamePattern) {
        return result(MetadataColumns::attributes);
    }

    @Override
    public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
        return result(() -> {
            MetadataTable table = MetadataColumns.clientInfoProperties();
            for (String name : PolaroidConnection.CLIENT_INFO_NAMES) {
                table.add(name, PolaroidConnection.CLIENT_INFO_MAX_LENGTH, null, "set by the application; "
                        + "only kept by the driver");
            }
            return table;
        });
    }

    @Override
    public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
                                          Pat tableNamePattern, Pat columnNamePattern) {
        return result(MetadataColumns::pseudoColumns);
    }
}
