package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.server.ingest.BulkStatements;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's {@link StatementPreparer}: the bulk-ingest statements clients send ({@code CREATE TABLE},
 * {@code INSERT ... VALUES (?, ...)}) are served by the ingest writer; everything else is prepared by the
 * client's engine session.
 */
public final class EnginePreparer implements StatementPreparer {
    private final BulkStatements bulk;

    public EnginePreparer(BulkStatements bulk) {
        this.bulk = Objects.requireNonNull(bulk, "bulk");
    }

    @Override
    public ServerStatement prepare(ClientSession session, ByteString handle, String sql) {
        Objects.requireNonNull(sql, "sql");
        Optional<? extends ServerStatement> recognized = bulk.recognize(sql, session.sql().currentSchema(), handle);
        if (recognized.isPresent()) {
            return recognized.get();
        }
        return new SqlStatement(handle, session.sql().prepare(sql));
    }
}
