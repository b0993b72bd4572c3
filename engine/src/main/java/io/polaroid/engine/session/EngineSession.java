package io.polaroid.engine.session;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.engine.api.ColumnInfo;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.FunctionInfo;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.ReleasingResult;
import io.polaroid.engine.api.SchemaInfo;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.api.TableInfo;
import io.polaroid.engine.plan.PlannedStatement;
import io.polaroid.engine.schema.PolaroidSchemas;
import io.polaroid.engine.sql.InfixCasts;
import io.polaroid.engine.sql.PolaroidDialect;
import io.polaroid.engine.sql.PolaroidTypeSystem;
import io.polaroid.engine.sql.SqlErrors;
import io.polaroid.engine.sql.command.Command;
import io.polaroid.engine.sql.command.CommandParser;
import io.polaroid.engine.types.SqlTypes;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The engine's {@link SqlSession}: a current schema, statements prepared against it, and the queries it
 * runs. The embedded JDBC driver uses it directly; the Flight SQL server runs one per remote client.
 */
public final class EngineSession implements SqlSession {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl(PolaroidTypeSystem.INSTANCE);

    private final EngineServices services;
    private final Set<EngineStatement> statements = ConcurrentHashMap.newKeySet();
    private final Set<ExecutionOptions> running = ConcurrentHashMap.newKeySet();
    private volatile String currentSchema = Catalog.DEFAULT_SCHEMA;
    private volatile boolean closed;

    public EngineSession(EngineServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    EngineServices services() {
        return services;
    }

    @Override
    public String catalogName() {
        return PolaroidSchemas.CATALOG_NAME;
    }

    @Override
    public String currentSchema() {
        return currentSchema;
    }

    @Override
    public void setCurrentSchema(String schema) {
        Objects.requireNonNull(schema, "schema");
        for (String name : services.catalog().schemaNames()) {
            if (name.equalsIgnoreCase(schema)) {
                currentSchema = name;
                return;
            }
        }
        throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema " + schema + " does not exist");
    }

    @Override
    public PreparedQuery prepare(String sql) {
        Objects.requireNonNull(sql, "sql");
        ensureOpen();
        EngineStatement statement = prepareStatement(sql);
        statements.add(statement);
        statement.onClose(() -> statements.remove(statement));
        return statement;
    }

    private EngineStatement prepareStatement(String sql) {
        try {
            Optional<Command> command = CommandParser.parse(sql);
            if (command.isPresent()) {
                return new CommandStatement(sql, command.get());
            }
            String schema = currentSchema;
            PlannedStatement cached = services.planCache().getIfValid(schema, sql, services.catalog());
            if (cached != null) {
                return new QueryStatement(sql, schema, cached);
            }
            SqlNode node = parse(sql);
            if (node instanceof SqlExplain) {
                return new ExplainStatement(sql, services.planner().plan(node, schema));
            }
            PlannedStatement plan = services.planCache().get(schema, sql, services.catalog(),
                    () -> services.planner().plan(node, schema));
            return new QueryStatement(sql, schema, plan);
        } catch (RuntimeException | StackOverflowError e) {
            throw SqlErrors.translate(e, sql);
        }
    }

    /**
     * The current plan of a query prepared earlier against {@code schema}: the cached one while it is
     * valid, else a new one (a refresh changed the columns of a dataset it reads).
     */
    PlannedStatement replan(String sql, String schema) {
        try {
            return services.planCache().get(schema, sql, services.catalog(),
                    () -> services.planner().plan(parse(sql), schema));
        } catch (RuntimeException | StackOverflowError e) {
            throw SqlErrors.translate(e, sql);
        }
    }

    private static SqlNode parse(String sql) {
        try {
            SqlNode parsed = SqlParser.create(withoutTrailingSemicolons(sql), PolaroidDialect.parserConfig()).parseStmt();
            return InfixCasts.repair(parsed);
        } catch (org.apache.calcite.sql.parser.SqlParseException e) {
            throw SqlErrors.translate(e, sql);
        }
    }

    private static String withoutTrailingSemicolons(String sql) {
        String text = sql.stripTrailing();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    @Override
    public QueryResult execute(PreparedQuery query, List<Object> parameters, ExecutionOptions options) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        if (!(query instanceof EngineStatement) || ((EngineStatement) query).isClosed()
                || !statements.contains(query)) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT,
                    "the statement was not prepared by this session, or it was closed");
        }
        EngineStatement statement = (EngineStatement) query;
        try {
            QueryResult result = statement.execute(this, parameters, options);
            return track(result, options);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, statement.sql());
        }
    }

    @Override
    public QueryResult execute(String sql, ExecutionOptions options) {
        PreparedQuery statement = prepare(sql);
        try {
            QueryResult result = execute(statement, List.of(), options);
            return ReleasingResult.of(result, statement);
        } catch (RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Remembers a running query so closing the session cancels it. */
    private QueryResult track(QueryResult result, ExecutionOptions options) {
        if (result instanceof StreamingResult) {
            running.add(options);
            return ReleasingResult.of(result, () -> running.remove(options));
        }
        return result;
    }

    @Override
    public List<SchemaInfo> schemas() {
        List<SchemaInfo> schemas = new ArrayList<>();
        for (String schema : services.catalog().schemaNames()) {
            schemas.add(new SchemaInfo(catalogName(), schema));
        }
        schemas.sort((a, b) -> a.schema().compareToIgnoreCase(b.schema()));
        return schemas;
    }

    @Override
    public List<TableInfo> tables() {
        List<TableInfo> tables = new ArrayList<>();
        for (DatasetDescriptor dataset : services.catalog().datasets()) {
            tables.add(new TableInfo(catalogName(), dataset.name().schema(), dataset.name().name(), "TABLE",
                    dataset.location()));
        }
        return tables;
    }

    @Override
    public List<ColumnInfo> columns(String schema, String table) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Optional<DatasetSnapshot> snapshot = services.catalog().snapshot(new DatasetName(schema, table));
        if (snapshot.isEmpty()) {
            return List.of();
        }
        DatasetName name = snapshot.get().name();
        List<ColumnInfo> columns = new ArrayList<>();
        List<Field> fields = snapshot.get().schema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            RelDataType type = SqlTypes.toRelType(field, TYPES);
            Field described = SqlTypes.toArrowField(field.getName(), type, SqlTypes.columnMetadata(type,
                    new io.polaroid.engine.types.ColumnOrigin(catalogName(), name.schema(), name.name(),
                            field.getName())));
            columns.add(new ColumnInfo(catalogName(), name.schema(), name.name(), i + 1, described));
        }
        return columns;
    }

    @Override
    public List<FunctionInfo> functions() {
        return FunctionListing.functions();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ExecutionOptions options : running) {
            options.cancellation().cancel("the session was closed");
        }
        List.copyOf(statements).forEach(EngineStatement::close);
    }

    private void ensureOpen() {
        if (closed) {
            throw new PolaroidException(ErrorCode.CONNECTION_LOST, "the session is closed");
        }
    }
}
