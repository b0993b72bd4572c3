package io.polaroid.server.session;

import com.google.protobuf.ByteString;

/**
 * Makes the server statement for a client's SQL text: the server recognizes the few statements it runs
 * itself (the {@code CREATE TABLE} and {@code INSERT} of bulk-ingesting clients) and hands everything
 * else to the engine session.
 */
@FunctionalInterface
public interface StatementPreparer {
    /** @throws io.polaroid.error.PolaroidException when the statement is invalid */
    ServerStatement prepare(ClientSession session, ByteString handle, String sql);
}
