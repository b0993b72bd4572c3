package io.polaroid.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Apache Arrow Flight SQL JDBC driver (18.3.0, shaded jar in its own class loader) against
 * the server: queries of every common type, prepared statements with parameters, metadata browsing, DDL
 * through {@code executeUpdate}, and errors. The driver prepares every statement, even
 * {@code Statement.executeQuery}, and decides between update and query by the prepared dataset schema, so
 * these tests also check that the server describes each statement accurately.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OfficialJdbcDriverTest {
    private static InteropServer server;
    private static OfficialFlightSqlDriver driver;
    private static Connection connection;
    private long baseline;

    @BeforeAll
    static void start() throws SQLException {
        server = new InteropServer();
        driver = OfficialFlightSqlDriver.fromBuild();
        connection = driver.connect(server.server.port());
    }

    @AfterAll
    static void stop() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (driver != null) {
                driver.close();
            }
            server.close();
        }
    }

    @BeforeEach
    void rememberMemory() {
        baseline = server.engineMemory();
    }

    @AfterEach
    void memoryIsBack() throws InterruptedException {
        server.assertQuiet(baseline);
    }

    @Test
    void theDriverComesFromItsOwnJar() throws SQLException {
        assertNotEquals(getClass().getClassLoader(), connection.getClass().getClassLoader());
        assertEquals(driver.classLoader(), connection.getClass().getClassLoader());
        assertTrue(connection.isValid(5));
    }

    @Test
    void readsEveryTypeWithItsValue() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, name, qty, price, amount, day, ts, ts_utc, flag FROM items WHERE id IN (3, 4) ORDER BY id")) {
            ResultSetMetaData columns = rows.getMetaData();
            assertEquals(List.of("id", "name", "qty", "price", "amount", "day", "ts", "ts_utc", "flag"), labels(columns));
            assertEquals(List.of(Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.DOUBLE, Types.DECIMAL, Types.DATE,
                    Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.BOOLEAN), types(columns));
            assertEquals(12, columns.getPrecision(5));
            assertEquals(2, columns.getScale(5));
            for (long id = 3; id <= 4; id++) {
                assertTrue(rows.next());
                assertEquals(id, rows.getLong("id"));
                assertEquals(ItemsData.name(id), rows.getString("name"));
                Integer qty = ItemsData.qty(id);
                assertEquals(qty == null ? 0 : qty, rows.getInt("qty"));
                assertEquals(qty == null, rows.wasNull());
                assertEquals(ItemsData.price(id), rows.getDouble("price"));
                assertEquals(ItemsData.amount(id), rows.getBigDecimal("amount"));
                assertEquals(ItemsData.day(id), rows.getDate("day").toLocalDate());
                assertEquals(ItemsData.ts(id), rows.getTimestamp("ts").toLocalDateTime(), "TIMESTAMP: the wall-clock "
                        + "time, microseconds included");
                assertEquals(ItemsData.tsUtc(id), rows.getTimestamp("ts_utc").toInstant(), "TIMESTAMP WITH TIME "
                        + "ZONE: the instant");
                assertEquals(ItemsData.flag(id), rows.getBoolean("flag"));
            }
            assertFalse(rows.next());
        }
    }

    @Test
    void streamsAWholeDatasetAndAggregates() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long rows = 0;
            long idSum = 0;
            try (ResultSet all = statement.executeQuery("SELECT id, name FROM items")) {
                while (all.next()) {
                    idSum += all.getLong(1);
                    assertEquals(ItemsData.name(all.getLong(1)), all.getString(2));
                    rows++;
                }
            }
            assertEquals(ItemsData.ROWS, rows);
            assertEquals((long) ItemsData.ROWS * (ItemsData.ROWS - 1) / 2, idSum);
            try (ResultSet totals = statement.executeQuery(
                    "SELECT count(*) AS n, count(qty) AS with_qty, sum(amount) AS total FROM items")) {
                assertTrue(totals.next());
                assertEquals(ItemsData.ROWS, totals.getLong("n"));
                assertEquals(ItemsData.ROWS * 4 / 5, totals.getLong("with_qty"));
                BigDecimal total = BigDecimal.ZERO;
                for (long id = 0; id < ItemsData.ROWS; id++) {
                    total = total.add(ItemsData.amount(id));
                }
                assertEquals(0, total.compareTo(totals.getBigDecimal("total")));
            }
        }
    }

    @Test
    void preparedStatementBindsParametersAndRunsAgainWithOthers() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM items WHERE id < ? AND name <> ?")) {
            statement.setLong(1, 100);
            statement.setString(2, ItemsData.name(5));
            assertEquals(99, single(statement));
            statement.setLong(1, 10);
            statement.setString(2, "none");
            assertEquals(10, single(statement));
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, price FROM items WHERE id = ?")) {
            statement.setInt(1, 42);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                assertEquals(ItemsData.name(42), row.getString(1));
                assertEquals(ItemsData.price(42), row.getDouble(2));
                assertFalse(row.next());
            }
        }
    }

    @Test
    void browsesMetadata() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals("Polaroid", metaData.getDatabaseProductName());
        assertEquals("\"", metaData.getIdentifierQuoteString());
        assertFalse(metaData.supportsTransactions(), "the server declares no transactions");
        assertTrue(metaData.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(metaData.supportsUnionAll());
        // what DBeaver reads when it opens a connection: every one comes from GetSqlInfo, and a value the
        // server left out fails here (inside the driver) instead of in a user's tool
        List<Object> sqlInfo = List.of(metaData.getDatabaseProductVersion(), metaData.getSQLKeywords(),
                metaData.getNumericFunctions(), metaData.getStringFunctions(), metaData.getSystemFunctions(),
                metaData.getTimeDateFunctions(), metaData.getSearchStringEscape(), metaData.getExtraNameCharacters(),
                metaData.getSchemaTerm(), metaData.getCatalogTerm(), metaData.getProcedureTerm(),
                metaData.isCatalogAtStart(), metaData.supportsColumnAliasing(), metaData.nullPlusNonNullIsNull(),
                metaData.supportsConvert(), metaData.supportsTableCorrelationNames(),
                metaData.supportsExpressionsInOrderBy(), metaData.supportsGroupBy(),
                metaData.supportsLikeEscapeClause(), metaData.supportsOuterJoins(), metaData.supportsFullOuterJoins(),
                metaData.supportsSubqueriesInExists(), metaData.supportsCorrelatedSubqueries(),
                metaData.supportsSelectForUpdate(), metaData.supportsStoredProcedures(),
                metaData.supportsBatchUpdates(), metaData.supportsSavepoints(), metaData.getMaxColumnNameLength(),
                metaData.getMaxStatements(), metaData.getDefaultTransactionIsolation(), metaData.isReadOnly(),
                metaData.nullsAreSortedHigh(), metaData.supportsMixedCaseQuotedIdentifiers());
        assertEquals(33, sqlInfo.size());
        assertTrue(column(metaData.getCatalogs(), "TABLE_CAT").size() >= 1);
        assertTrue(column(metaData.getSchemas(), "TABLE_SCHEM").contains("main"));
        assertTrue(column(metaData.getTableTypes(), "TABLE_TYPE").size() >= 1);
        assertEquals(List.of("items"), column(metaData.getTables(null, null, "items", null), "TABLE_NAME"));
        assertEquals(List.of("items"), column(metaData.getTables(null, "main", "it%", null), "TABLE_NAME"));
        assertEquals(List.of(), column(metaData.getTables(null, null, "nowhere", null), "TABLE_NAME"));
        try (ResultSet columns = metaData.getColumns(null, null, "items", null)) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
                if (columns.getString("COLUMN_NAME").equals("id")) {
                    assertEquals(Types.BIGINT, columns.getInt("DATA_TYPE"));
                    assertEquals("NO", columns.getString("IS_NULLABLE"));
                }
            }
            assertEquals(List.of("id", "name", "qty", "price", "amount", "day", "ts", "ts_utc", "flag"), names);
        }
        // 18.3.0 answers getTypeInfo from Avatica's default (an empty list) without asking the server's
        // GetXdbcTypeInfo, which FlightSqlClient reads (MetadataCommandsTest); it must at least not fail
        assertTrue(column(metaData.getTypeInfo(), "TYPE_NAME").isEmpty());
        assertEquals(List.of(), column(metaData.getPrimaryKeys(null, null, "items"), "COLUMN_NAME"));
        assertEquals(List.of(), column(metaData.getImportedKeys(null, null, "items"), "FKCOLUMN_NAME"));
    }

    @Test
    void createsQueriesAndDropsADatasetThroughExecuteUpdate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE DATASET items_copy FROM '" + server.itemsFile() + "'");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM items_copy WHERE flag")) {
                assertTrue(count.next());
                assertEquals(ItemsData.ROWS / 2, count.getLong(1));
            }
            assertEquals(List.of("items_copy"),
                    column(connection.getMetaData().getTables(null, null, "items_copy", null), "TABLE_NAME"));
            statement.executeUpdate("DROP DATASET items_copy");
            assertEquals(List.of(),
                    column(connection.getMetaData().getTables(null, null, "items_copy", null), "TABLE_NAME"));
            SQLException gone = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT count(*) FROM items_copy").close());
            assertTrue(gone.getMessage().contains("items_copy"), gone.getMessage());
        }
    }

    @Test
    void badSqlFailsWithTheServersMessage() throws SQLException {
        for (String sql : List.of("SELEC 1", "SELECT * FROM nowhere", "SELECT no_such_column FROM items")) {
            String serverMessage = polaroidError(sql).getMessage();
            try (Statement statement = connection.createStatement()) {
                SQLException failure = assertThrows(SQLException.class, () -> statement.executeQuery(sql).close());
                assertTrue(messages(failure).contains(serverMessage),
                        "the driver's error should carry the server's message '" + serverMessage + "': "
                                + messages(failure));
            }
        }
        // the connection is still good after errors
        try (Statement statement = connection.createStatement()) {
            assertEquals(ItemsData.ROWS, single(statement, "SELECT count(*) FROM items"));
        }
    }

    @Test
    void aBadDdlStatementFailsAndChangesNothing() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException failure = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "CREATE DATASET broken FROM '" + server.directory.resolve("no-such-file.parquet") + "'"));
            assertTrue(messages(failure).contains("no-such-file.parquet"), messages(failure));
            assertEquals(List.of(), column(connection.getMetaData().getTables(null, null, "broken", null), "TABLE_NAME"));
        }
    }

    /** The error Polaroid's own driver reports for {@code sql}: the server's message. */
    private static SQLException polaroidError(String sql) throws SQLException {
        try (Connection polaroid = DriverManager.getConnection(server.server.jdbcUrl());
             Statement statement = polaroid.createStatement()) {
            return assertThrows(SQLException.class, () -> statement.executeQuery(sql).close());
        }
    }

    /** The messages of {@code failure} and its causes: the driver wraps the gRPC error. */
    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            assertTrue(row.next());
            long value = row.getLong(1);
            assertFalse(row.next());
            return value;
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    private static List<String> column(ResultSet rows, String name) throws SQLException {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(name));
            }
            return values;
        }
    }

    private static List<String> labels(ResultSetMetaData columns) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            labels.add(columns.getColumnLabel(i));
        }
        return labels;
    }

    private static List<Integer> types(ResultSetMetaData columns) throws SQLException {
        List<Integer> types = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            types.add(columns.getColumnType(i));
        }
        return types;
    }
}
