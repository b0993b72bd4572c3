package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.server.hooks.Operation;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/** A statement of the SQL dialect, prepared by the engine session of the client. */
public final class SqlStatement extends ServerStatement {
    private final PreparedQuery prepared;

    public SqlStatement(ByteString handle, PreparedQuery prepared) {
        super(handle, prepared.sql());
        this.prepared = Objects.requireNonNull(prepared, "prepared");
    }

    public PreparedQuery prepared() {
        return prepared;
    }

    @Override
    public Schema resultSchema() {
        return prepared.resultSchema();
    }

    @Override
    public Schema parameterSchema() {
        return prepared.parameterSchema();
    }

    @Override
    public Operation operation() {
        return Operation.of(prepared);
    }

    @Override
    protected void release() {
        prepared.close();
    }
}
