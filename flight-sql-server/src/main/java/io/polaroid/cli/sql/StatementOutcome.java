package io.polaroid.cli.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * What running one statement did.
 *
 * @param returnedRows whether the statement returned rows (a query) rather than an update count
 * @param count        rows printed, or the update count
 * @param elapsed      from execution to the last row printed
 */
public record StatementOutcome(boolean returnedRows, long count, Duration elapsed) {
    public StatementOutcome {
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
