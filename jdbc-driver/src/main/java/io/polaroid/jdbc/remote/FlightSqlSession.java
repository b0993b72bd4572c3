package io.polaroid.jdbc.remote;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.ColumnInfo;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.FunctionInfo;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SchemaInfo;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.api.TableInfo;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.mode.BackendLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SqlSession} on a Flight SQL server: statements are prepared on the server, executed with
 * their parameters sent as Arrow batches, and their rows streamed back batch by batch; the current
 * schema is a session option of the server; metadata comes from the Flight SQL metadata calls. It
 * follows the Flight SQL protocol only, so it works with any server that does, Polaroid's or not.
 *
 * <p>Failures are {@link PolaroidException}s with the SQLState the server sent, or one derived from
 * the gRPC status (see {@link RemoteErrors}); a connection found lost fails every later call with 08003
 * (see {@link ServerLink}).
 */
public final class FlightSqlSession implements SqlSession, BackendLink {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSqlSession.class);

    private final ServerLink link;
    private final ServerInfo info;
    private final ServerDialect dialect;
    private final RemoteCatalog catalogReader;
    private final String catalog;
    private String schema;
    /** Statements prepared or planned and not closed yet: {@link RemotePreparedQuery}s and {@link OneOffStatement}s. */
    private final Set<PreparedQuery> prepared = ConcurrentHashMap.newKeySet();
    /** Results not closed yet, so that closing the session can stop them. */
    private final Set<FlightQueryResult> results = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FlightSqlSession(ServerLink link, ServerInfo info, Map<String, String> options, String catalog) {
        this.link = link;
        this.info = info;
        this.dialect = new ServerDialect(info);
        this.catalogReader = new RemoteCatalog(link);
        this.catalog = catalog;
        this.schema = options.get(SessionOptions.SCHEMA);
    }

    /**
     * Connects: opens the link (authenticating), then reads the server's description and this session's
     * options, all within {@code connectTimeoutMs}. A server that cannot be reached or used fails with
     * 08001 naming its address, bad credentials with 28000.
     */
    static FlightSqlSession connect(RemoteSettings settings) {
        ServerLink link = ServerLink.open(settings);
        try {
            return CallScope.withDeadline(settings.connectTimeout(), () -> {
                ServerInfo info = ServerInfo.read(link);
                Map<String, String> options = SessionOptions.read(link);
                String catalog = options.containsKey(SessionOptions.CATALOG) ? options.get(SessionOptions.CATALOG)
                        : firstCatalog(link);
                return new FlightSqlSession(link, info, options, catalog);
            });
        } catch (FlightRuntimeException e) {
            link.close();
            throw FlightCallErrors.fromConnect(e, settings.address(), settings.connectTimeout());
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** The catalog a server without a catalog session option lists first; "" when it lists none. */
    private static String firstCatalog(ServerLink link) {
        List<String> catalogs = new ArrayList<>();
        SmallResults.forEachBatch(link, link.sql().getCatalogs(), root -> {
            for (int row = 0; row < root.getRowCount(); row++) {
                String name = SmallResults.text(root, "catalog_name", row);
                if (name != null) {
                    catalogs.add(name);
                }
            }
        });
        return catalogs.isEmpty() ? "" : catalogs.get(0);
    }

    ServerDialect dialect() {
        return dialect;
    }

    ServerInfo serverInfo() {
        return info;
    }

    /** @throws PolaroidException 08003 when this session was closed or its connection lost */
    private void checkOpen() {
        if (closed) {
            throw new PolaroidException(ErrorCode.CONNECTION_DOES_NOT_EXIST, "the session with " + link.address()
                    + " is closed");
        }
        link.checkUsable();
    }

    /** Runs one call on the link within the network timeout, translating its failure. */
    private <T> T call(Supplier<T> body) {
        checkOpen();
        try (CallScope scope = CallScope.forCall(link.networkTimeout())) {
            try {
                return scope.call(body::get);
            } catch (FlightRuntimeException e) {
                throw scope.failure(e, link);
            }
        }
    }

    @Override
    public String catalogName() {
        return catalog;
    }

    /** The schema the server resolves names against; null if the server keeps no such session option. */
    @Override
    public String currentSchema() {
        return schema;
    }

    /**
     * Sets the server's {@code schema} session option. A server without session options cannot resolve
     * names against another schema, so there the schema is checked to exist and only remembered here
     * (what {@code getSchema} answers), with a note in the log.
     */
    @Override
    public void setCurrentSchema(String name) {
        Objects.requireNonNull(name, "name");
        SessionOptions.Outcome outcome = call(() -> SessionOptions.set(link, SessionOptions.SCHEMA,
                SessionOptions.text(name)));
        switch (outcome) {
            case SET:
                schema = name;
                return;
            case INVALID_VALUE:
                throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema " + name + " does not exist");
            case UNSUPPORTED:
            case INVALID_NAME:
                if (schemas().stream().noneMatch(s -> s.schema().equals(name))) {
                    throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema " + name + " does not exist");
                }
                LOG.info("the Flight SQL server at {} keeps no current schema; unqualified names still resolve as "
                        + "the server decides, not against {}", link.address(), name);
                schema = name;
                return;
            default:
                throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "the Flight SQL server at " + link.address()
                        + " failed to set the current schema to " + name);
        }
    }

    /** Sends the connection's query memory limit as a session option; false if the server has no such option. */
    boolean setQueryMemoryLimit(long bytes) {
        SessionOptions.Outcome outcome = call(() -> SessionOptions.set(link, SessionOptions.QUERY_MEMORY_LIMIT,
                SessionOptions.number(bytes)));
        if (outcome == SessionOptions.Outcome.INVALID_VALUE) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the Flight SQL server at "
                    + link.address() + " does not accept a query memory limit of " + bytes + " bytes");
        }
        return outcome == SessionOptions.Outcome.SET;
    }

    @Override
    public PreparedQuery prepare(String sql) {
        Objects.requireNonNull(sql, "sql");
        FlightSqlClient.PreparedStatement statement = call(() -> link.sql().prepare(sql));
        RemotePreparedQuery query;
        try {
            query = new RemotePreparedQuery(sql, statement, link, prepared::remove);
        } catch (RuntimeException e) {
            statement.close();
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "the Flight SQL server at " + link.address()
                    + " described the prepared statement in a way that cannot be read: " + e.getMessage(), e);
        }
        prepared.add(query);
        return query;
    }

    /**
     * Plans {@code sql} for one run in a single round trip ({@link OneOffStatement}) when the server plans
     * without running and the statement has no parameter markers; otherwise prepares it. A {@code ?} even
     * inside a literal takes the prepared path: slower, never wrong.
     */
    @Override
    public PreparedQuery prepareOnce(String sql) {
        Objects.requireNonNull(sql, "sql");
        if (!info.plansStatementsWithoutRunning() || sql.indexOf('?') >= 0) {
            return prepare(sql);
        }
        FlightInfo plan = call(() -> link.sql().execute(sql));
        OneOffStatement statement = new OneOffStatement(sql, plan, link, prepared::remove);
        prepared.add(statement);
        return statement;
    }

    @Override
    public QueryResult execute(PreparedQuery query, List<Object> parameters, ExecutionOptions options) {
        return execute(query, parameters, options, () -> {
        });
    }

    /** Plans and runs {@code sql}; the statement is closed with the result. */
    @Override
    public QueryResult execute(String sql, ExecutionOptions options) {
        PreparedQuery query = prepareOnce(sql);
        try {
            return execute(query, List.of(), options, query::close);
        } catch (RuntimeException e) {
            query.close();
            throw e;
        }
    }

    private QueryResult execute(PreparedQuery query, List<Object> parameters, ExecutionOptions options,
                                Runnable afterResult) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(options, "options");
        if (!prepared.contains(query)) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the statement was not prepared by this session "
                    + "or was closed: " + query.sql());
        }
        if (query instanceof OneOffStatement oneOff && !parameters.isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the statement has no parameters, but "
                    + parameters.size() + " value(s) were bound: " + query.sql());
        }
        checkOpen();
        CallScope scope = CallScope.open(options, link.networkTimeout());
        try {
            if (query.returnsRows()) {
                FlightInfo flightInfo = query instanceof OneOffStatement oneOff ? oneOff.takePlan()
                        : scope.call(() -> ((RemotePreparedQuery) query).bound(parameters).execute());
                FlightQueryResult result = new FlightQueryResult(link, flightInfo, query.resultSchema(), scope,
                        closed -> {
                            results.remove(closed);
                            afterResult.run();
                        });
                results.add(result);
                return result;
            }
            long count;
            if (query instanceof OneOffStatement oneOff) {
                oneOff.takePlan();
                count = scope.call(() -> link.sql().executeUpdate(oneOff.sql()));
            } else {
                count = scope.call(() -> ((RemotePreparedQuery) query).bound(parameters).executeUpdate());
            }
            scope.close();
            afterResult.run();
            return new UpdateCount(count);
        } catch (FlightRuntimeException e) {
            scope.close();
            throw scope.failure(e, link);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    /** The result of a statement without rows. */
    private record UpdateCount(long updateCount) implements QueryResult {
        @Override
        public Schema schema() {
            return new Schema(List.of());
        }

        @Override
        public Batch next() {
            return null;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public void close() {
            // holds nothing
        }
    }

    @Override
    public List<SchemaInfo> schemas() {
        return call(catalogReader::schemas);
    }

    @Override
    public List<TableInfo> tables() {
        return call(catalogReader::tables);
    }

    @Override
    public List<ColumnInfo> columns(String schemaName, String table) {
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(table, "table");
        return call(() -> catalogReader.columns(schemaName, table));
    }

    @Override
    public List<FunctionInfo> functions() {
        return RemoteCatalog.functions(info);
    }

    /** Whether the server answers within {@code timeoutSeconds}. */
    @Override
    public boolean isAlive(int timeoutSeconds) {
        return !closed && link.ping(timeoutSeconds);
    }

    @Override
    public void limitEachWait(Duration limit) {
        link.networkTimeout(limit);
    }

    /**
     * Stops running results, closes prepared statements and the session on the server, then the link and
     * its memory.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            List<FlightQueryResult> running = List.copyOf(results);
            // first stop them all (a reader blocked on a stream returns at once), then free them
            running.forEach(FlightQueryResult::cancel);
            for (QueryResult result : running) {
                closeQuietly(result);
            }
            for (PreparedQuery query : List.copyOf(prepared)) {
                closeQuietly(query);
            }
            link.endSession();
        } finally {
            link.close();
        }
    }

    private void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing part of the session with {} failed", link.address(), e);
        }
    }
}
