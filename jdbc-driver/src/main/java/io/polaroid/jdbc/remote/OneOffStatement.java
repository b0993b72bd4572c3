package io.polaroid.jdbc.remote;

import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement planned on the server for a single run ({@code GetFlightInfo} of a
 * {@code CommandStatementQuery}): the server's plan is the {@link FlightInfo}, whose schema tells a query
 * (columns) from an update (none) and whose ticket streams the rows. One round trip instead of the two a
 * prepared statement takes (create, then plan), and nothing to close on the server afterwards: the plan
 * ends with its stream.
 *
 * <p>Only for servers that plan without running (see {@link ServerInfo#plansStatementsWithoutRunning()}),
 * and only for statements without parameters: the command carries none.
 */
final class OneOffStatement implements PreparedQuery {
    private static final Schema NO_FIELDS = new Schema(List.of());

    private final String sql;
    private final FlightInfo plan;
    private final Schema resultSchema;
    private final ServerLink link;
    private final Consumer<OneOffStatement> onClose;
    /** The plan was handed out to run, or dropped for an update: the server no longer holds it for us. */
    private boolean used;
    private boolean closed;

    /** @param onClose told when this statement closed (the session forgets it) */
    OneOffStatement(String sql, FlightInfo plan, ServerLink link, Consumer<OneOffStatement> onClose) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.link = Objects.requireNonNull(link, "link");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.resultSchema = plan.getSchemaOptional().orElse(NO_FIELDS);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public boolean returnsRows() {
        return RemotePreparedQuery.returnsRows(resultSchema);
    }

    @Override
    public Schema resultSchema() {
        return resultSchema;
    }

    @Override
    public Schema parameterSchema() {
        return NO_FIELDS;
    }

    /**
     * The plan, for the statement's one run; an update's plan is dropped on the server instead (updates
     * run through {@code CommandStatementUpdate}), and its caller gets null.
     *
     * @throws PolaroidException 42000 when the statement was closed or has run already
     */
    FlightInfo takePlan() {
        if (closed || used) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the statement " + (closed ? "was closed"
                    : "was planned for one run and has run") + ": " + sql);
        }
        used = true;
        if (returnsRows()) {
            return plan;
        }
        link.cancelOnServer(plan);
        return null;
    }

    /** Drops a plan that never ran, without waiting for the server. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!used) {
            link.cancelOnServer(plan);
        }
        onClose.accept(this);
    }
}
