package io.polaroid.server.hooks;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished statement, as a {@link QueryListener} sees it.
 *
 * @param identity     the peer identity, empty without authentication
 * @param sessionId    the server session it ran in
 * @param operation    query, command or ingest
 * @param statement    the SQL text, or a description of the ingest
 * @param rows         rows streamed to the client, or rows changed / ingested
 * @param bytes        Arrow bytes streamed (body buffers); 0 for commands
 * @param duration     from admission to the end of the stream
 * @param outcome      how it ended
 * @param sqlState     the SQLState of the failure, if it failed or was cancelled
 */
public record QueryRecord(String identity, String sessionId, Operation operation, String statement, long rows,
                          long bytes, Duration duration, Outcome outcome, Optional<String> sqlState) {
    public enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    public QueryRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sqlState, "sqlState");
    }
}
