package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.polaroid.jdbc.PolaroidConnection;
import io.polaroid.jdbc.PolaroidDataSource;
import io.polaroid.jdbc.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HikariCP over Polaroid, embedded and against a real server: the pool is configured by class name and
 * bean properties (as applications configure it), so it exercises {@link PolaroidDataSource}'s setters and
 * every call Hikari makes on a connection: {@code isValid} (no test query is set), network timeout,
 * read-only, auto-commit, catalog, schema, isolation, and {@code abort}.
 */
class HikariPoolTest {
    private static final int POOL_SIZE = 10;
    private static final int THREADS = 6;
    private static final int QUERIES_PER_THREAD = 15;

    private static HikariDataSource pool(String url, int size) throws SQLException {
        String catalog;
        try (Connection plain = new PolaroidDataSource(url).getConnection()) {
            catalog = plain.getCatalog();
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("polaroid-test");
        config.setDataSourceClassName(PolaroidDataSource.class.getName());
        config.addDataSourceProperty("url", url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setReadOnly(true);
        config.setAutoCommit(false);
        config.setCatalog(catalog);
        config.setSchema("main");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(30_000);
        config.setValidationTimeout(5_000);
        return new HikariDataSource(config);
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void aPoolOfTenServesConcurrentQueries(String url) throws Exception {
        try (HikariDataSource pool = pool(url, POOL_SIZE)) {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    results.add(threads.submit((Callable<Integer>) () -> runQueries(pool, thread)));
                }
                int done = 0;
                for (Future<Integer> result : results) {
                    done += result.get(5, TimeUnit.MINUTES);
                }
                assertEquals(THREADS * QUERIES_PER_THREAD, done);
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= POOL_SIZE);
        }
    }

    /** Each trade's volume is {@code id % 50 + 1}, so each volume occurs TRADES / 50 times. */
    private static int runQueries(HikariDataSource pool, int thread) throws SQLException {
        int done = 0;
        for (int q = 0; q < QUERIES_PER_THREAD; q++) {
            int volume = (thread * QUERIES_PER_THREAD + q) % 50 + 1;
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT COUNT(*), MIN(volume), MAX(volume) FROM trades WHERE volume = ?")) {
                statement.setInt(1, volume);
                try (ResultSet rows = statement.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(TestData.TRADES / 50, rows.getLong(1));
                    assertEquals(volume, rows.getInt(2));
                    assertEquals(volume, rows.getInt(3));
                    assertFalse(rows.next());
                }
            }
            done++;
        }
        return done;
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void pooledConnectionsCarryTheConfiguredState(String url) throws SQLException {
        try (HikariDataSource pool = pool(url, 2); Connection connection = pool.getConnection()) {
            assertTrue(connection.isReadOnly());
            assertFalse(connection.getAutoCommit());
            assertEquals("main", connection.getSchema());
            assertTrue(connection.isValid(5));
            assertTrue(connection.getNetworkTimeout() >= 0);
            // of the pool's settings only the isolation level draws a warning (there are no transactions);
            // its login timeout is not reported as an unknown property
            SQLWarning warning = connection.getWarnings();
            assertTrue(warning.getMessage().contains("TRANSACTION_NONE"), warning.getMessage());
            assertNull(warning.getNextWarning(), () -> warning.getNextWarning().getMessage());
            // Hikari resets what an application changed when the connection comes back
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
            connection.setNetworkTimeout(Runnable::run, 12_345);
            assertEquals(12_345, connection.getNetworkTimeout());
        }
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void aFailedStatementDoesNotCostThePooledConnection(String url) throws SQLException {
        try (HikariDataSource pool = pool(url, 1)) {
            PolaroidConnection first;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                first = connection.unwrap(PolaroidConnection.class);
                SQLException bad = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC 1"));
                assertEquals("42601", bad.getSQLState());
                assertThrows(SQLException.class, () -> statement.executeQuery("SELECT nope FROM trades"));
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM symbols")) {
                    assertTrue(rows.next());
                    assertEquals(15, rows.getLong(1));
                }
            }
            // a syntax error is not a broken connection: Hikari hands the same one out again
            try (Connection again = pool.getConnection(); Statement statement = again.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM trades")) {
                assertSame(first, again.unwrap(PolaroidConnection.class));
                assertTrue(rows.next());
                assertEquals(TestData.TRADES, rows.getLong(1));
            }
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
        }
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void anAbortedConnectionIsReplaced(String url) throws SQLException {
        try (HikariDataSource pool = pool(url, 1)) {
            PolaroidConnection aborted;
            try (Connection connection = pool.getConnection()) {
                aborted = connection.unwrap(PolaroidConnection.class);
                aborted.abort(Runnable::run);
                assertTrue(aborted.isClosed());
                assertFalse(connection.isValid(1));
                pool.evictConnection(connection);
            }
            try (Connection fresh = pool.getConnection(); Statement statement = fresh.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM symbols")) {
                assertFalse(aborted == fresh.unwrap(PolaroidConnection.class));
                assertTrue(rows.next());
                assertEquals(15, rows.getLong(1));
            }
        }
    }
}
