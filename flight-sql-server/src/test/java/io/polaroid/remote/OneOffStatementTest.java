package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.server.PolaroidFlightServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plain statements ({@code Statement.execute*(sql)}) against Polaroid's server take the one-off path: one
 * {@code GetFlightInfo} of a {@code CommandStatementQuery} plans them, the ticket streams the rows, and an
 * update is run through {@code CommandStatementUpdate}. These tests pin what that path must keep: an
 * update runs exactly once, a statement with a {@code ?} (even in a literal) still works, and abandoned
 * or failed statements leave nothing running on the server.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OneOffStatementTest {
    private static PolaroidFlightServer server;
    private static Connection connection;

    @BeforeAll
    static void start() throws SQLException {
        server = RemoteFixture.startServer();
        connection = DriverManager.getConnection(server.jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET big FROM '" + TestData.file("big") + "' WITH (cache = 'none')");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        try {
            connection.close();
        } finally {
            server.close();
        }
    }

    @Test
    void anUpdateRunsExactlyOnce() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // planned by GetFlightInfo, run by DoPut: a second run would fail as a duplicate
            assertEquals(0, statement.executeUpdate("CREATE SCHEMA once_only"));
            SQLException again = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("CREATE SCHEMA once_only"));
            assertEquals("42P06", again.getSQLState());
        }
    }

    @Test
    void aQuestionMarkInALiteralTakesThePreparedPathAndStillRuns() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT '?' AS mark")) {
            assertTrue(rows.next());
            assertEquals("?", rows.getString(1));
            assertFalse(rows.next());
        }
    }

    @Test
    void aParameterMarkerFailsWith07001() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT id FROM big WHERE id = ?"));
            assertEquals("07001", error.getSQLState());
        }
    }

    @Test
    void aSyntaxErrorFailsWhenPlannedAndLeavesTheConnectionUsable() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC 1"));
            assertEquals("42601", error.getSQLState());
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM big")) {
                assertTrue(rows.next());
                assertEquals(TestData.BIG_ROWS, rows.getLong(1));
            }
        }
    }

    @Test
    void aResultClosedEarlyStopsTheQueryOnTheServer() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, grp FROM big")) {
                assertTrue(rows.next());
            }
        }
        assertTrue(eventually(() -> server.runningStatements() == 0), "the queries must stop");
    }

    @Test
    void aStatementRefusedBeforeRunningLeavesNothingRunning() throws Exception {
        try (Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("SELECT id FROM big"));
        }
        assertTrue(eventually(() -> server.runningStatements() == 0));
    }

    /** Polls {@code condition} for up to 30 s: the server learns of a closed stream asynchronously. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
