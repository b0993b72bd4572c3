package io.polaroid.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.remote.RemoteMemory;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc:polaroid:auto:} against a real {@link PolaroidFlightServer} on 127.0.0.1: a live server is
 * chosen, the data-size threshold picks between it and a local catalog, credentials it rejects end the
 * attempt (no silent fallback), and a server that dies mid-session fails the running statement with an
 * 08xxx error, later statements with 08003, and {@code isValid} turns false — the auto connection stays
 * a remote one and does not switch modes under the application.
 */
class AutoRemoteTest {
    private static final String TOKEN = "auto-mode-test-key";

    @TempDir
    Path directory;

    @AfterEach
    void noMemoryLeftBehind() {
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of closed remote connections");
        assertEquals(0, RemoteMemory.openAllocators(), "allocators of closed remote connections");
    }

    private PolaroidFlightServer server(ServerConfig.Builder config) throws IOException {
        Path catalog = Files.createTempDirectory(directory, "server-catalog");
        return PolaroidFlightServer.builder(config.host("127.0.0.1").port(0).catalogDirectory(catalog).build()).start();
    }

    /** A server holding {@code dataset} (a {@link TestData} file) in a catalog of its own. */
    private PolaroidFlightServer serverWith(String dataset) throws IOException, SQLException {
        PolaroidFlightServer server = server(ServerConfig.builder().shutdownGrace(Duration.ZERO));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET " + dataset + " FROM '" + TestData.file(dataset) + "' WITH (cache = 'none')");
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A local catalog directory holding trades, closed again. */
    private Path localCatalog() throws SQLException {
        Path catalog = directory.resolve("local-catalog");
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:" + catalog);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET trades FROM '" + TestData.file("trades") + "'");
        }
        return catalog;
    }

    private static String address(PolaroidFlightServer server) {
        return "127.0.0.1:" + server.port();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void aLiveServerComesFirstInTheDefaultChain() throws Exception {
        Path catalog = localCatalog();
        try (PolaroidFlightServer server = serverWith("trades");
             Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + address(server)
                     + ";catalog=" + catalog)) {
            assertEquals("remote", connection.getClientInfo("mode"));
            assertNull(connection.getWarnings());
            assertEquals(TestData.TRADES, count(connection, "trades"));
            assertTrue(connection.isValid(5));
            assertEquals(1, server.openSessions(), "the query ran on the server");
        }
    }

    @Test
    void theThresholdChoosesBetweenALiveServerAndTheLocalCatalog() throws Exception {
        Path catalog = localCatalog();
        try (PolaroidFlightServer server = serverWith("trades")) {
            String url = "jdbc:polaroid:auto:;server=" + address(server) + ";catalog=" + catalog + ";dataSizeThresholdMb=";
            try (Connection small = DriverManager.getConnection(url + 100)) {
                assertEquals("embedded", small.getClientInfo("mode"), "a few hundred KiB are at most 100 MiB");
                assertNull(small.getWarnings());
                assertEquals(TestData.TRADES, count(small, "trades"));
            }
            try (Connection large = DriverManager.getConnection(url + 0)) {
                assertEquals("remote", large.getClientInfo("mode"), "more than 0 MiB: remote");
                assertNull(large.getWarnings());
                assertEquals(TestData.TRADES, count(large, "trades"));
            }
        }
    }

    @Test
    void aServerStoppedBeforeConnectingFallsBackToTheCatalog() throws Exception {
        Path catalog = localCatalog();
        PolaroidFlightServer server = serverWith("trades");
        String address = address(server);
        server.close();
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + address
                + ";catalog=" + catalog)) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            String warning = connection.getWarnings().getMessage();
            assertTrue(warning.contains("opened the embedded mode (catalog " + catalog + ") because remote (server "
                    + address + ") failed: "), warning);
            assertEquals(TestData.TRADES, count(connection, "trades"));
        }
    }

    @Test
    void rejectedCredentialsFailWith28000InsteadOfFallingBack() throws Exception {
        Path catalog = localCatalog();
        CallHeaderAuthenticator tokens = headers -> {
            String token = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
            if (!TOKEN.equals(token)) {
                throw CallStatus.UNAUTHENTICATED.withDescription("unknown API key").toRuntimeException();
            }
            return () -> "service";
        };
        Path serverCatalog = Files.createTempDirectory(directory, "secured");
        try (PolaroidFlightServer server = PolaroidFlightServer.builder(ServerConfig.builder().host("127.0.0.1").port(0)
                        .catalogDirectory(serverCatalog).build())
                .flightCustomizer(builder -> builder.headerAuthenticator(tokens)).start()) {
            String url = "jdbc:polaroid:auto:;server=" + address(server) + ";catalog=" + catalog + ";token=";
            SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "wrong-key"));
            assertEquals("28000", error.getSQLState(), error.getMessage());
            try (Connection connection = DriverManager.getConnection(url + TOKEN)) {
                assertEquals("remote", connection.getClientInfo("mode"), "the token passes through to the server");
            }
        }
    }

    @Test
    void aServerThatDiesMidSessionFailsTheRunningStatementAndLaterOnesWithoutSwitchingModes() throws Exception {
        Path catalog = localCatalog();
        PolaroidFlightServer server = serverWith("big");
        String address = address(server);
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + address
                + ";catalog=" + catalog)) {
            assertEquals("remote", connection.getClientInfo("mode"));
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM big")) {
                assertTrue(rows.next());
                server.close();
                SQLException running = assertThrows(SQLException.class, () -> {
                    long read = 0;
                    while (rows.next() && read < TestData.BIG_ROWS) {
                        read++;
                    }
                }, "reading on after the server died");
                assertTrue(running.getSQLState().startsWith("08"), running.getSQLState() + ": " + running.getMessage());
            }
            assertFalse(connection.isValid(5), "a connection whose server died is not valid");
            SQLException later = assertThrows(SQLException.class, () -> count(connection, "trades"));
            assertEquals("08003", later.getSQLState(), later.getMessage());
            assertEquals("remote", connection.getClientInfo("mode"), "no silent switch to the local catalog");
        } finally {
            server.close();
        }
        // a new auto connection finds the server gone and opens the catalog instead
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + address
                + ";catalog=" + catalog)) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            assertEquals(TestData.TRADES, count(connection, "trades"));
        }
    }
}
