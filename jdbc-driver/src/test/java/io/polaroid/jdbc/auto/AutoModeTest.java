package io.polaroid.jdbc.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionModes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdbc:polaroid:auto:} end to end through {@code DriverManager} (and, where the environment is
 * the input, through {@link AutoMode} with an injected environment): the real embedded and arrow modes,
 * and a remote mode whose server is down (a loopback port nothing listens on). The fallback from a live
 * server and a server dying mid-session are tested in flight-sql-server ({@code io.polaroid.auto}).
 */
class AutoModeTest {
    private static String downServer;
    private static Path trades;

    @TempDir
    Path directory;

    @BeforeAll
    static void setUp() throws IOException {
        trades = TestData.file("trades");
        downServer = "127.0.0.1:" + freePort();
    }

    /** A loopback port nothing listens on: bound, then released, so connecting is refused at once. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A catalog directory with the trades dataset, closed again (as a server's or another tool's would be). */
    private Path catalogWithTrades() throws SQLException {
        Path catalog = directory.resolve("catalog");
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:" + catalog);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET trades FROM '" + trades + "'");
        }
        return catalog;
    }

    private static long countTrades(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM trades")) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static List<String> warnings(Connection connection) throws SQLException {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = connection.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }

    private static Backend open(String properties, Map<String, String> environment) throws SQLException {
        return new AutoMode(environment::get, ConnectionModes::find)
                .open(ConnectionUrl.parse("jdbc:polaroid:auto:" + properties, null));
    }

    @Test
    void anExplicitEmbeddedModeOpensTheCatalog() throws SQLException {
        Path catalog = catalogWithTrades();
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;mode=embedded;catalog=" + catalog)) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            assertEquals("embedded", connection.getClientInfo().getProperty("mode"));
            assertEquals(TestData.TRADES, countTrades(connection));
            assertNull(connection.getWarnings(), "nothing failed, nothing to warn about");
        }
    }

    @Test
    void anExplicitEmbeddedModeWithoutCatalogIsATransientInMemoryOne() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;mode=standalone;fallback=none")) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getInt(1));
            }
        }
    }

    @Test
    void anExplicitArrowModeOpensThePath() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;mode=portable;path=" + trades)) {
            assertEquals("arrow", connection.getClientInfo("mode"));
            assertEquals(TestData.TRADES, countTrades(connection));
        }
    }

    @Test
    void theEnvironmentChoosesTheModeWithItsAliases() throws SQLException {
        Path catalog = catalogWithTrades();
        String inputs = ";catalog=" + catalog + ";path=" + trades;
        for (Map.Entry<String, String> alias : Map.of("standalone", "embedded", "portable", "arrow", "embedded",
                "embedded", "arrow", "arrow").entrySet()) {
            try (Backend backend = open(inputs, Map.of("BACKEND_MODE", alias.getKey()))) {
                assertEquals(alias.getValue(), backend.mode(), "BACKEND_MODE=" + alias.getKey());
                assertEquals(List.of(), backend.warnings());
            }
        }
    }

    @Test
    void anUnreachableServerFromTheEnvironmentFallsBackToTheCatalogWithAWarning() throws SQLException {
        Path catalog = catalogWithTrades();
        try (Backend backend = open(";catalog=" + catalog,
                Map.of("BACKEND_MODE", "distributed", "GRPC_SERVER", downServer))) {
            assertEquals("embedded", backend.mode());
            assertEquals(1, backend.warnings().size(), backend.warnings().toString());
            String warning = backend.warnings().get(0);
            assertTrue(warning.contains("opened the embedded mode (catalog " + catalog + ")"), warning);
            assertTrue(warning.contains("remote (server " + downServer + ") failed: "), warning);
            assertTrue(warning.contains("[08001]"), warning);
        }
    }

    @Test
    void aServerThatIsDownFallsBackToEmbeddedWithAWarningAndTheModeInClientInfo() throws SQLException {
        Path catalog = catalogWithTrades();
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + downServer
                + ";catalog=" + catalog + ";path=" + trades)) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            assertEquals(TestData.TRADES, countTrades(connection));
            List<String> warnings = warnings(connection);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("remote (server " + downServer + ") failed: cannot connect to the "
                    + "Flight SQL server at " + downServer), warnings.get(0));
            assertTrue(warnings.get(0).contains("opened the embedded mode"), warnings.get(0));
            assertInstanceOf(SQLWarning.class, connection.getWarnings());
            assertTrue(connection.isValid(1));
        }
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheConnectTimeoutFallsBack() throws Exception {
        Path catalog = catalogWithTrades();
        // accepts TCP connections (into its backlog) but never speaks: the Flight handshake cannot finish
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=127.0.0.1:"
                     + silent.getLocalPort() + ";catalog=" + catalog + ";connectTimeoutMs=300")) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            String warning = warnings(connection).get(0);
            assertTrue(warning.contains("did not answer within connectTimeoutMs=300"), warning);
        }
    }

    @Test
    void aServerThatIsDownFallsBackToArrowWhenThereIsNoCatalog() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + downServer
                + ";path=" + trades)) {
            assertEquals("arrow", connection.getClientInfo("mode"));
            assertEquals(TestData.TRADES, countTrades(connection));
            List<String> warnings = warnings(connection);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("opened the arrow mode (path " + trades + ") because remote"),
                    warnings.get(0));
            assertFalse(warnings.get(0).contains("embedded"), "embedded was never meant: " + warnings.get(0));
        }
    }

    @Test
    void aMissingCatalogDirectoryIsNotCreatedByAFallbackAndIsWarnedAbout() throws SQLException {
        Path missing = directory.resolve("no-such-catalog");
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + downServer
                + ";catalog=" + missing + ";path=" + trades)) {
            assertEquals("arrow", connection.getClientInfo("mode"));
            String warning = warnings(connection).get(0);
            assertTrue(warning.contains("embedded not tried: catalog directory '" + missing + "' does not exist"),
                    warning);
        }
        assertFalse(Files.exists(missing), "a fallback must not create a catalog");
    }

    @Test
    void withoutAServerTheLocalModeOpensWithoutAWarning() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;path=" + trades)) {
            assertEquals("arrow", connection.getClientInfo("mode"));
            assertNull(connection.getWarnings(), "remote was not configured, so nothing failed");
        }
    }

    @Test
    void anExplicitModeThatCannotBeTriedIsWarnedAbout() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;mode=remote;path=" + trades)) {
            assertEquals("arrow", connection.getClientInfo("mode"));
            String warning = warnings(connection).get(0);
            assertTrue(warning.contains("remote not tried: no server address (set server=host:port or GRPC_SERVER)"),
                    warning);
        }
    }

    @Test
    void nothingReachableFailsWith08001ListingEveryAttempt() throws IOException {
        Path corruptCatalog = Files.createDirectories(directory.resolve("corrupt"));
        Files.writeString(corruptCatalog.resolve("catalog.json"), "{not json");
        Path missingFiles = directory.resolve("missing.parquet");
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:polaroid:auto:;server=" + downServer + ";catalog=" + corruptCatalog + ";path=" + missingFiles));
        assertInstanceOf(SQLNonTransientConnectionException.class, error);
        assertEquals("08001", error.getSQLState());
        String message = error.getMessage();
        assertTrue(message.startsWith("jdbc:polaroid:auto: no mode could be opened, tried in fallback chain order: "),
                message);
        int remote = message.indexOf("remote (server " + downServer + ") failed: cannot connect");
        int embedded = message.indexOf("embedded (catalog " + corruptCatalog + ") failed: ");
        int arrow = message.indexOf("arrow (path " + missingFiles + ") failed: ");
        assertTrue(remote > 0 && embedded > remote && arrow > embedded, message);
        assertTrue(message.contains("missing.parquet"), message);
        assertEquals(2, error.getSuppressed().length, "the later failures ride along");
    }

    @Test
    void nothingGivenFailsNamingWhatEachModeNeeds() {
        SQLException error = assertThrows(SQLException.class, () -> open("", Map.of()));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("remote not tried: no server address"), error.getMessage());
        assertTrue(error.getMessage().contains("embedded not tried: no catalog directory"), error.getMessage());
        assertTrue(error.getMessage().contains("arrow not tried: no path"), error.getMessage());
        SQLException none = assertThrows(SQLException.class, () -> open(";fallback=none", Map.of()));
        assertTrue(none.getMessage().contains("no mode to try"), none.getMessage());
    }

    @Test
    void noFallbackMeansTheExplicitModeOnly() throws SQLException {
        Path catalog = catalogWithTrades();
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:polaroid:auto:;mode=remote;fallback=none;server=" + downServer + ";catalog=" + catalog));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("remote (server " + downServer + ") failed"), error.getMessage());
        assertFalse(error.getMessage().contains("embedded"), error.getMessage());
    }

    @Test
    void aSmallCatalogIsPreferredToAServerByTheThreshold() throws SQLException {
        Path catalog = catalogWithTrades();
        // the server is down, but with the data under the threshold it is not even tried: no warning
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + downServer
                + ";catalog=" + catalog + ";dataSizeThresholdMb=100")) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            assertNull(connection.getWarnings());
        }
        // over the threshold (0 MiB) remote is tried first and fails, so embedded opens with a warning
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;server=" + downServer
                + ";catalog=" + catalog + ";dataSizeThresholdMb=0")) {
            assertEquals("embedded", connection.getClientInfo("mode"));
            assertTrue(warnings(connection).get(0).contains("remote (server " + downServer + ") failed"));
        }
    }

    @Test
    void badValuesFailBeforeAnyModeIsTried() {
        SQLException mode = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid:auto:;mode=cloud;path=" + trades));
        assertEquals("08001", mode.getSQLState());
        assertTrue(mode.getMessage().contains("unknown mode 'cloud' in mode: allowed values are auto, embedded, "
                + "remote, arrow, standalone (embedded), distributed (remote), portable (arrow)"), mode.getMessage());
        SQLException environment = assertThrows(SQLException.class,
                () -> open(";path=" + trades, Map.of("BACKEND_MODE", "lambda")));
        assertTrue(environment.getMessage().contains("'lambda' in BACKEND_MODE"), environment.getMessage());
        SQLException threshold = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid:auto:;dataSizeThresholdMb=big;path=" + trades));
        assertTrue(threshold.getMessage().contains("dataSizeThresholdMb"), threshold.getMessage());
        SQLException target = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid:auto:/data/catalog"));
        assertTrue(target.getMessage().contains("takes no target"), target.getMessage());
    }

    @Test
    void propertiesOfTheOpenedModePassThroughAndAreNotReportedUnknown() throws SQLException {
        Path catalog = catalogWithTrades();
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:auto:;mode=embedded;catalog=" + catalog
                + ";batchRows=1024;schema=main;user=alice;tls=false;misspelt=1")) {
            List<String> warnings = warnings(connection);
            assertEquals(List.of("unknown connection property 'misspelt' is ignored"), warnings);
        }
        SQLException bad = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:polaroid:auto:;mode=embedded;fallback=none;catalog=" + catalog + ";batchRows=many"));
        assertTrue(bad.getMessage().contains("batchRows"), bad.getMessage());
    }

    @Test
    void getPropertyInfoListsTheAutoPropertiesAndThoseOfEveryMode() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:polaroid:auto:");
        DriverPropertyInfo[] infos = driver.getPropertyInfo("jdbc:polaroid:auto:", null);
        Set<String> names = Arrays.stream(infos).map(info -> info.name).collect(Collectors.toSet());
        for (String name : List.of("mode", "server", "catalog", "path", "fallback", "dataSizeThresholdMb",
                "connectTimeoutMs", "user", "password", "token", "tls", "memoryLimit", "batchRows", "schema")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
        assertEquals(infos.length, names.size(), "each property once");
        DriverPropertyInfo timeout = Arrays.stream(infos).filter(info -> info.name.equals("connectTimeoutMs"))
                .findFirst().orElseThrow();
        assertEquals("2000", timeout.value, "auto waits less for a server than the remote mode");
    }
}
