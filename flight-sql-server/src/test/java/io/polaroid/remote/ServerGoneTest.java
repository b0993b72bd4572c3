package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.remote.RemoteMemory;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a client sees when the other end goes away: a server stopped under a query being read, and a
 * result set closed long before its end (the server must stop producing, both sides free the memory).
 */
class ServerGoneTest {

    @AfterEach
    void noMemoryLeftBehind() {
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of closed remote connections");
        assertEquals(0, RemoteMemory.openAllocators(), "allocators of closed remote connections");
    }

    private static PolaroidFlightServer serverWithBig() throws SQLException {
        PolaroidFlightServer server = RemoteFixture.startServer(ServerConfig.builder().shutdownGrace(Duration.ZERO));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET big FROM '" + TestData.file("big") + "' WITH (cache = 'none')");
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Test
    void aServerStoppedMidQueryFailsTheReaderWithAConnectionError() throws Exception {
        PolaroidFlightServer server = serverWithBig();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM big")) {
                assertTrue(rs.next());
                server.close();
                SQLException error = assertThrows(SQLException.class, () -> {
                    long rows = 0;
                    while (rs.next() && rows < TestData.BIG_ROWS) {
                        rows++;
                    }
                }, "reading on after the server stopped");
                assertTrue(error.getSQLState().startsWith("08"), error.getSQLState() + ": " + error.getMessage());
            }
            assertFalse(connection.isValid(5), "a connection whose server stopped is not valid");
            SQLException later = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT 1");
                }
            });
            assertTrue(later.getSQLState().startsWith("08"), later.getSQLState() + ": " + later.getMessage());
        } finally {
            server.close();
        }
    }

    @Test
    void closingAResultSetEarlyStopsTheQueryOnTheServer() throws Exception {
        try (PolaroidFlightServer server = serverWithBig();
             Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            for (int run = 0; run < 5; run++) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT id, grp FROM big")) {
                    assertTrue(rs.next());
                }
                // the server learns of the cancelled stream asynchronously: wait for it, boundedly
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (server.runningStatements() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(0, server.runningStatements(), "the server still runs the abandoned query");
                // between statements an open connection holds no Arrow memory: the abandoned batches are freed
                assertEquals(0, RemoteMemory.allocatedBytes(), "client memory after closing early");
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM big")) {
                assertTrue(rs.next());
                assertEquals(TestData.BIG_ROWS, rs.getLong(1), "the connection works after abandoned results");
            }
        }
    }
}
