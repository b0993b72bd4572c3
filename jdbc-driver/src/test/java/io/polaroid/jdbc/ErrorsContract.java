package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Failures: the SQLState of each kind of bad input, cancellation and timeouts. */
public abstract class ErrorsContract extends DriverContract {
    /** A query that runs far longer than any test: a non-equi join of 10^7 x 10^7 rows. */
    static final String SLOW_QUERY = "SELECT count(*) FROM big a JOIN big b ON a.id + b.id < 0";

    private SQLException failure(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                if (statement.execute(sql)) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            }
        }, sql);
    }

    @Test
    void badSqlIsASyntaxError() {
        SQLException error = failure("SELEC id FROM trades");
        assertEquals("42601", error.getSQLState());
        assertInstanceOf(SQLSyntaxErrorException.class, error);
        assertEquals("42601", sqlState(() -> connection.prepareStatement("SELECT FROM WHERE")));
    }

    @Test
    void unknownObjectsAreNamed() {
        SQLException table = failure("SELECT * FROM no_such_table");
        assertEquals("42P01", table.getSQLState());
        assertTrue(table.getMessage().contains("no_such_table"), table.getMessage());
        SQLException column = failure("SELECT no_such_column FROM trades");
        assertEquals("42703", column.getSQLState());
        assertTrue(column.getMessage().contains("no_such_column"), column.getMessage());
        assertEquals("42883", failure("SELECT no_such_function(id) FROM trades").getSQLState());
    }

    @Test
    void typeErrorsAreSqlErrorsAndBadCastsDataErrors() {
        SQLException mismatch = failure("SELECT * FROM trades WHERE ts = TRUE");
        assertEquals("42804", mismatch.getSQLState(), mismatch.getMessage());
        assertInstanceOf(SQLSyntaxErrorException.class, mismatch);
        // text is not a number: rejected when the statement is planned (as in PostgreSQL and DuckDB)
        SQLException sumOfText = failure("SELECT sum(sym) FROM trades");
        assertEquals("42804", sumOfText.getSQLState(), sumOfText.getMessage());
        assertEquals("22018", failure("SELECT CAST(sym AS INTEGER) FROM trades").getSQLState());
    }

    @Test
    void divisionByZeroIsADataError() {
        assertEquals("22012", failure("SELECT volume / (volume - volume) FROM trades").getSQLState());
    }

    @Test
    void missingAndCorruptFilesAreReported() throws IOException {
        SQLException missing = failure("CREATE DATASET ghost FROM '/no/such/dir/file.parquet'");
        assertEquals("58P01", missing.getSQLState());
        assertTrue(missing.getMessage().contains("/no/such/dir/file.parquet"), missing.getMessage());

        Path corrupt = Files.createTempFile("corrupt", ".parquet");
        Files.writeString(corrupt, "this is not a parquet file, just some text");
        SQLException error = failure("CREATE DATASET corrupt_one FROM '" + corrupt + "'");
        assertEquals("22000", error.getSQLState());
        assertTrue(error.getMessage().contains(corrupt.getFileName().toString()), error.getMessage());
    }

    @Test
    void aDuplicateDatasetIsRefused() {
        assertEquals("42P07", failure("CREATE DATASET trades FROM '" + TestData.file("trades") + "'").getSQLState());
    }

    @Test
    void theConnectionWorksAfterAFailure() throws SQLException {
        failure("SELECT * FROM no_such_table");
        assertEquals(15L, scalar("SELECT count(*) FROM symbols"));
    }

    @Test
    void cancelFromAnotherThreadStopsTheQuery() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Statement statement = connection.createStatement()) {
            Future<Long> running = executor.submit(() -> {
                try (ResultSet rs = statement.executeQuery(SLOW_QUERY)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            // The first cancels may arrive before the query starts; keep cancelling until it stops.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!running.isDone() && System.nanoTime() < deadline) {
                statement.cancel();
                try {
                    running.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // still running, or stopped: the loop condition decides
                }
            }
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> running.get(1, TimeUnit.SECONDS));
            SQLException error = assertInstanceOf(SQLException.class, stopped.getCause());
            assertEquals("57014", error.getSQLState());
            assertFalse(error instanceof SQLTimeoutException, "a cancel is not a timeout");
        } finally {
            executor.shutdownNow();
        }
        assertEquals(15L, scalar("SELECT count(*) FROM symbols"), "the connection is usable after a cancel");
    }

    @Test
    void abortClosesTheConnectionUnderAQueryBeingRead() throws Exception {
        java.sql.Connection doomed = fixture().connect();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch aborted = new java.util.concurrent.CountDownLatch(1);
        try {
            Statement statement = doomed.createStatement();
            Future<Long> running = executor.submit(() -> {
                long rows = 0;
                try (ResultSet rs = statement.executeQuery("SELECT id FROM big")) {
                    while (rs.next()) {
                        rs.getLong(1);
                        if (rows++ == 0) {
                            // hold here until the pool gives the connection up
                            reading.countDown();
                            aborted.await(60, TimeUnit.SECONDS);
                        }
                    }
                }
                return rows;
            });
            assertTrue(reading.await(60, TimeUnit.SECONDS), "the query started streaming");
            doomed.abort(Runnable::run);
            aborted.countDown();
            assertTrue(doomed.isClosed());
            assertTrue(statement.isClosed());
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS),
                    "the reader stops with an error rather than reading all " + TestData.BIG_ROWS + " rows");
            assertInstanceOf(SQLException.class, stopped.getCause());
        } finally {
            executor.shutdownNow();
            doomed.close();
        }
    }

    @Test
    void aQueryTimeoutCancelsTheQuery() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertEquals(1, statement.getQueryTimeout());
            SQLException error = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = statement.executeQuery(SLOW_QUERY)) {
                    rs.next();
                }
            });
            assertInstanceOf(SQLTimeoutException.class, error);
            assertEquals("57014", error.getSQLState());
            statement.setQueryTimeout(0);
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM symbols")) {
                assertTrue(rs.next());
            }
        }
    }
}
