package io.polaroid.jdbc.remote;

import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement prepared on the server ({@code CreatePreparedStatement}): its handle, the result and
 * parameter schemas the server announced, and the batch its parameters are sent in. As the official
 * Flight SQL JDBC driver does, a statement whose result schema has no columns is an update.
 */
final class RemotePreparedQuery implements PreparedQuery {
    private final String sql;
    private final FlightSqlClient.PreparedStatement statement;
    private final ServerLink link;
    private final Schema resultSchema;
    private final Schema parameterSchema;
    private final ParameterRow parameters;
    private final Consumer<RemotePreparedQuery> onClose;
    private boolean closed;

    /** @param onClose told when this statement closed (the session forgets it) */
    RemotePreparedQuery(String sql, FlightSqlClient.PreparedStatement statement, ServerLink link,
                        Consumer<RemotePreparedQuery> onClose) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.statement = Objects.requireNonNull(statement, "statement");
        this.link = Objects.requireNonNull(link, "link");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.resultSchema = statement.getResultSetSchema();
        this.parameterSchema = statement.getParameterSchema();
        this.parameters = new ParameterRow(parameterSchema, link.allocator());
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public boolean returnsRows() {
        return returnsRows(resultSchema);
    }

    /** Whether a statement announced with {@code resultSchema} is a query: an update announces no columns. */
    static boolean returnsRows(Schema resultSchema) {
        return !resultSchema.getFields().isEmpty();
    }

    @Override
    public Schema resultSchema() {
        return resultSchema;
    }

    @Override
    public Schema parameterSchema() {
        return parameterSchema;
    }

    /** The statement on the server, with {@code values} bound for its next execution. */
    FlightSqlClient.PreparedStatement bound(List<Object> values) {
        if (closed) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the prepared statement was closed: " + sql);
        }
        if (!values.isEmpty() || !parameterSchema.getFields().isEmpty()) {
            // the same batch object each time: the Flight client only replaces (and frees) a new one
            statement.setParameters(parameters.fill(values));
        }
        return statement;
    }

    /**
     * Frees the parameter batch and closes the statement on the server without waiting for the answer
     * (see {@link ServerLink#closeOnServer}): a statement run once would otherwise pay one more round trip
     * after its rows.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            parameters.close();
        } finally {
            onClose.accept(this);
            link.closeOnServer(statement);
        }
    }
}
