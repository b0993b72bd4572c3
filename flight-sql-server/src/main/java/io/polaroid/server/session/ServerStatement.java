package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.server.hooks.Operation;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared statement a client holds a handle to: what its results and parameters look like, the
 * parameter rows bound to it last, and how it runs. Subclasses: {@link SqlStatement} (any statement of
 * the dialect) and the bulk-ingest statements of {@link io.polaroid.server.ingest.BulkStatements}.
 *
 * <p>Thread-safe: a client may bind, execute and close from different calls at once.
 */
public abstract class ServerStatement implements AutoCloseable {
    private final ByteString handle;
    private final String sql;
    private volatile List<List<Object>> boundRows = List.of();
    private volatile boolean closed;

    protected ServerStatement(ByteString handle, String sql) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    public final ByteString handle() {
        return handle;
    }

    public final String sql() {
        return sql;
    }

    /** The columns of the rows it returns; no fields for a statement that returns an update count. */
    public abstract Schema resultSchema();

    /** One field per parameter, in order; no fields when it takes none. */
    public abstract Schema parameterSchema();

    /** What running it does, for the authorizer and the query log. */
    public abstract Operation operation();

    /** Whether it returns rows (a query) rather than an update count. */
    public final boolean returnsRows() {
        return !resultSchema().getFields().isEmpty();
    }

    /** The parameter rows bound by the client's last {@code DoPut}; empty when none were bound. */
    public final List<List<Object>> boundRows() {
        return boundRows;
    }

    public final void bind(List<List<Object>> rows) {
        this.boundRows = List.copyOf(rows);
    }

    public final boolean isClosed() {
        return closed;
    }

    /** Releases the statement; idempotent. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Frees what the statement holds (a plan). Called once. */
    protected abstract void release();
}
