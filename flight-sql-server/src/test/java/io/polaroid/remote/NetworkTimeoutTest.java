package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.remote.RemoteMemory;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import org.apache.arrow.flight.FlightMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Connection.setNetworkTimeout} in the remote mode: every wait for the server's answer (a call's reply,
 * the next batch of a stream) is bounded by it; a wait that runs over fails the statement with 08006 and the
 * connection is closed from then on, so a pool evicts it. The bound is per wait: a stream that takes longer in
 * all than the timeout, but whose every batch comes in time, is read to its end.
 */
class NetworkTimeoutTest {
    private static final Executor DIRECT = Runnable::run;
    private static final StallingMiddleware STALL = new StallingMiddleware();
    private static PolaroidFlightServer server;

    @BeforeAll
    static void start() throws IOException, SQLException {
        server = PolaroidFlightServer.builder(ServerConfig.builder().host("127.0.0.1").port(0)
                        .catalogDirectory(Files.createTempDirectory("polaroid-network-timeout")).build())
                .flightCustomizer(builder -> builder.middleware(StallingMiddleware.KEY, STALL))
                .start();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET big FROM '" + TestData.file("big") + "' WITH (cache = 'none')");
        }
    }

    @AfterAll
    static void stop() {
        STALL.release();
        server.close();
    }

    @AfterEach
    void releaseAndCheckMemory() {
        STALL.release();
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of closed remote connections");
    }

    @Test
    void aStalledQueryFailsWith08006AndClosesTheConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.setNetworkTimeout(DIRECT, 300);
            assertEquals(300, connection.getNetworkTimeout());
            STALL.stall(FlightMethod.GET_FLIGHT_INFO);
            SQLException error = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT count(*) FROM big");
                }
            });
            assertEquals("08006", error.getSQLState(), error.getMessage());
            assertTrue(error.getMessage().contains("network timeout of 300 ms"), error.getMessage());
            STALL.release();
            // JDBC: after a network timeout the connection is closed; a pool sees it is no longer valid
            assertFalse(connection.isValid(5));
            SQLException later = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT 1");
                }
            });
            assertEquals("08003", later.getSQLState(), later.getMessage());
        }
    }

    @Test
    void aStreamWhoseNextBatchDoesNotComeFailsWith08006() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.setNetworkTimeout(DIRECT, 300);
            STALL.stall(FlightMethod.DO_GET);
            SQLException error = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT id FROM big")) {
                    rs.next();
                }
            });
            assertEquals("08006", error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void aStalledMetadataCallFailsWith08006() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.setNetworkTimeout(DIRECT, 300);
            DatabaseMetaData metaData = connection.getMetaData();
            STALL.stall(FlightMethod.GET_FLIGHT_INFO);
            SQLException error = assertThrows(SQLException.class, () -> metaData.getTables(null, null, "%", null).close());
            assertEquals("08006", error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void withoutANetworkTimeoutAStalledServerIsWaitedFor() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            assertEquals(0, connection.getNetworkTimeout());
            STALL.stall(FlightMethod.GET_FLIGHT_INFO);
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                STALL.release();
            });
            releaser.start();
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM big")) {
                assertTrue(rs.next());
                assertEquals(TestData.BIG_ROWS, rs.getLong(1));
            }
            releaser.join();
        }
    }

    @Test
    void theTimeoutBoundsEachWaitNotTheWholeStream() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            connection.setNetworkTimeout(DIRECT, 1_000);
            long rows = 0;
            long started = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT id FROM big WHERE id < 2000000")) {
                while (rs.next()) {
                    rows++;
                    if (rows % 200_000 == 0) {
                        Thread.sleep(150); // the application is slow, not the server
                    }
                }
            }
            assertEquals(2_000_000, rows);
            assertTrue(System.nanoTime() - started > 1_000_000_000L, "the stream took longer than the timeout");
            assertTrue(connection.isValid(5));
        }
    }

    @Test
    void badNetworkTimeoutsAreRefused() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            assertEquals("22023", assertThrows(SQLException.class,
                    () -> connection.setNetworkTimeout(DIRECT, -1)).getSQLState());
            assertEquals("HY009", assertThrows(SQLException.class,
                    () -> connection.setNetworkTimeout(null, 1_000)).getSQLState());
            connection.setNetworkTimeout(DIRECT, 0);
            assertEquals(0, connection.getNetworkTimeout());
        }
    }
}
