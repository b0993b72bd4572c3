package io.polaroid.cli.sql;

import io.polaroid.cli.format.ResultFormat;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs statements on one connection and prints what they return: rows through a {@link ResultFormat},
 * an update count as {@code OK (n)}. One statement runs at a time; {@link #cancel()} may be called from
 * another thread (a Ctrl-C handler) to stop it.
 */
public final class StatementRunner {
    private final Connection connection;
    private final AtomicReference<Statement> running = new AtomicReference<>();

    public StatementRunner(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Executes {@code sql} and prints its result to {@code out}.
     *
     * @throws SQLException as the driver reports it (the caller prints it)
     * @throws io.polaroid.cli.format.OutputClosedException when {@code out} was closed midway
     */
    public StatementOutcome run(String sql, ResultFormat format, PrintWriter out) throws SQLException {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            running.set(statement);
            try {
                if (statement.execute(sql)) {
                    try (ResultSet rows = statement.getResultSet()) {
                        long count = format.write(rows, out);
                        return new StatementOutcome(true, count, since(start));
                    }
                }
                long updated = Math.max(0, statement.getUpdateCount());
                out.println("OK (" + updated + ")");
                out.flush();
                return new StatementOutcome(false, updated, since(start));
            } finally {
                running.set(null);
            }
        }
    }

    /** Cancels the running statement, if any; returns whether there was one. Safe from any thread. */
    public boolean cancel() {
        Statement statement = running.get();
        if (statement == null) {
            return false;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // it finished (and closed) between get() and cancel(): nothing left to stop
        }
        return true;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
