package io.polaroid.server.ingest;

import com.google.protobuf.ByteString;
import io.polaroid.columnar.BatchSource;
import io.polaroid.server.session.ServerStatement;

/**
 * A statement the server runs itself rather than the engine: the {@code CREATE TABLE} and the
 * parameterized {@code INSERT} that bulk-ingesting clients (ADBC) send. It runs with the rows a client
 * uploads as its parameters.
 */
public abstract class BulkStatement extends ServerStatement {
    protected BulkStatement(ByteString handle, String sql) {
        super(handle, sql);
    }

    /**
     * Runs the statement with the uploaded parameter rows.
     *
     * @return the update count: rows inserted, 0 for a {@code CREATE TABLE}
     */
    public abstract long execute(BatchSource parameterRows);

    /** Runs the statement without uploaded rows (a {@code CREATE TABLE}, or an {@code INSERT} of none). */
    public final long execute() {
        return execute(BatchSources.empty(parameterSchema()));
    }

    @Override
    protected void release() {
        // holds nothing but its definition
    }
}
