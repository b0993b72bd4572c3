package io.polaroid.server.hooks;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link QueryListener}: one log line per statement, {@code key=value} pairs that a log
 * shipper can split, the statement last (it may hold spaces) and cut to a readable length.
 */
public final class QueryLog implements QueryListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.polaroid.server.queries");
    private static final int MAX_STATEMENT_CHARS = 500;

    @Override
    public void onQueryFinished(QueryRecord record) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String statement = record.statement().replaceAll("\\s+", " ").strip();
        if (statement.length() > MAX_STATEMENT_CHARS) {
            statement = statement.substring(0, MAX_STATEMENT_CHARS) + "...";
        }
        LOG.info(String.format(Locale.ROOT, "user=%s session=%s op=%s outcome=%s%s rows=%d bytes=%d ms=%d sql=%s",
                record.identity().isEmpty() ? "-" : record.identity(), record.sessionId(),
                record.operation().name().toLowerCase(Locale.ROOT), record.outcome().name().toLowerCase(Locale.ROOT),
                record.sqlState().map(state -> " sqlstate=" + state).orElse(""), record.rows(), record.bytes(),
                record.duration().toMillis(), statement));
    }
}
