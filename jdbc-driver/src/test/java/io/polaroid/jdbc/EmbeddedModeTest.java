package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.EngineLease;
import io.polaroid.engine.EngineRegistry;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded mode has: catalogs in directories, engines shared per directory, its memory. */
class EmbeddedModeTest {
    @TempDir
    Path temp;

    private static String url(Path catalog) {
        return "jdbc:polaroid:embedded:" + catalog;
    }

    private static void register(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET " + name + " FROM '" + TestData.file(name) + "' WITH (cache = 'none')");
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static List<String> warnings(Connection connection) throws SQLException {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = connection.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }

    @Test
    void driverManagerPicksPolaroidForItsUrlsOnly() throws SQLException {
        assertInstanceOf(PolaroidDriver.class, DriverManager.getDriver("jdbc:polaroid:embedded:"));
        Driver driver = new PolaroidDriver();
        assertFalse(driver.acceptsURL("jdbc:duckdb:"));
        assertFalse(driver.acceptsURL("jdbc:calcite:"));
        assertNull(driver.connect("jdbc:duckdb:", new Properties()), "another driver's URL is not ours to open");
        assertEquals("08001", assertThrows(SQLException.class, () -> driver.acceptsURL(null)).getSQLState());
        assertFalse(driver.jdbcCompliant());
        assertEquals(0, driver.getMajorVersion());
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == PolaroidDriver.class));
    }

    @Test
    void theDriverJarRegistersOnlyPolaroidsDriver() throws IOException {
        // Avatica's and Calcite's jars register their own drivers too; the one-jar build (issue 5) must
        // merge only this file. Here: this module's own service file lists exactly one driver.
        List<String> ours = new ArrayList<>();
        for (URL file : Collections.list(PolaroidDriver.class.getClassLoader()
                .getResources("META-INF/services/java.sql.Driver"))) {
            String text = new String(file.openStream().readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("io.polaroid")) {
                ours.addAll(Arrays.stream(text.split("\\R")).map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList()));
            }
        }
        assertEquals(List.of(PolaroidDriver.class.getName()), ours);
    }

    @Test
    void transientCatalogsArePrivateToTheirConnection() throws SQLException {
        try (Connection first = DriverManager.getConnection("jdbc:polaroid:embedded:");
             Connection second = DriverManager.getConnection("jdbc:polaroid:embedded:")) {
            register(first, "symbols");
            assertTrue(tables(first).contains("symbols"));
            assertFalse(tables(second).contains("symbols"));
            assertEquals("embedded", first.getClientInfo(PolaroidConnection.MODE));
            assertTrue(first.getMetaData().usesLocalFiles());
        }
    }

    @Test
    void connectionsToOneDirectoryShareAnEngineUntilTheLastCloses() throws SQLException {
        Path catalog = temp.resolve("shared");
        Connection first = DriverManager.getConnection(url(catalog));
        Connection second = DriverManager.getConnection(url(catalog.resolve("..").resolve("shared")));
        register(first, "symbols");
        assertTrue(tables(second).contains("symbols"), "the second connection sees the first one's catalog at once");
        first.close();
        try (Statement statement = second.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*) FROM symbols")) {
            assertTrue(rs.next());
            assertEquals(15, rs.getInt(1));
        }
        second.close();

        // The directory is unlocked once the last connection has closed: an engine of our own can open it.
        try (Engine engine = Engine.open(EngineConfig.builder().catalogDirectory(catalog).build())) {
            assertTrue(engine.openSession().tables().stream().anyMatch(t -> t.name().equals("symbols")),
                    "the dataset was persisted");
        }
        try (Connection again = DriverManager.getConnection(url(catalog))) {
            assertTrue(tables(again).contains("symbols"));
        }
    }

    @Test
    void resultsFreeTheirMemoryHoweverTheyEnd() throws SQLException {
        Path catalog = temp.resolve("memory");
        try (EngineLease lease = EngineRegistry.acquire(EngineConfig.builder().catalogDirectory(catalog).build());
             Connection connection = DriverManager.getConnection(url(catalog))) {
            register(connection, "big");
            BufferAllocator memory = lease.engine().rootAllocator();
            long idle = memory.getAllocatedMemory();

            Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT id, grp FROM big");
            assertTrue(rs.next());
            assertTrue(memory.getAllocatedMemory() > idle, "a streaming result holds its batch");
            rs.close();
            assertEquals(idle, memory.getAllocatedMemory(), "closed mid-stream");

            rs = statement.executeQuery("SELECT id FROM big WHERE grp = 7");
            while (rs.next()) {
                rs.getLong(1);
            }
            assertEquals(idle, memory.getAllocatedMemory(), "read to the end, result set still open");
            assertFalse(rs.isClosed());

            rs = statement.executeQuery("SELECT id FROM big");
            assertTrue(rs.next());
            statement.close();
            assertEquals(idle, memory.getAllocatedMemory(), "statement closed with an open result");

            try (Statement failing = connection.createStatement()) {
                assertThrows(SQLException.class, () -> {
                    try (ResultSet bad = failing.executeQuery("SELECT id / (grp - grp) FROM big")) {
                        while (bad.next()) {
                            bad.getLong(1);
                        }
                    }
                });
            }
            assertEquals(idle, memory.getAllocatedMemory(), "a failed query");

            Connection other = DriverManager.getConnection(url(catalog));
            ResultSet open = other.createStatement().executeQuery("SELECT id FROM big");
            assertTrue(open.next());
            other.close();
            assertEquals(idle, memory.getAllocatedMemory(), "connection closed with an open result");
        }
    }

    @Test
    void aLargeResultStreamsInBoundedMemory() throws SQLException {
        Path catalog = temp.resolve("streaming");
        try (EngineLease lease = EngineRegistry.acquire(EngineConfig.builder().catalogDirectory(catalog).build());
             Connection connection = DriverManager.getConnection(url(catalog))) {
            register(connection, "big");
            long rows = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, grp, id * 2 AS twice FROM big")) {
                while (rs.next()) {
                    rows += rs.getLong(3) == rs.getLong(1) * 2 ? 1 : 0;
                }
            }
            assertEquals(TestData.BIG_ROWS, rows);
            long resultBytes = TestData.BIG_ROWS * (8 + 4 + 8);
            long peak = lease.engine().rootAllocator().getPeakMemoryAllocation();
            assertTrue(peak < resultBytes / 4, "peak Arrow memory " + peak + " bytes for a result of " + resultBytes
                    + " bytes: the result was collected, not streamed");
        }
    }

    @Test
    void queryMemoryLimitStopsAQueryThatNeedsMore() throws SQLException {
        Path catalog = temp.resolve("limited");
        try (Connection setup = DriverManager.getConnection(url(catalog))) {
            register(setup, "big");
            register(setup, "symbols");
            try (Connection limited = DriverManager.getConnection(url(catalog) + ";queryMemoryLimit=1m");
                 Statement statement = limited.createStatement()) {
                SQLException error = assertThrows(SQLException.class, () -> {
                    try (ResultSet rs = statement.executeQuery("SELECT id FROM big ORDER BY id DESC")) {
                        rs.next();
                    }
                });
                assertEquals("53200", error.getSQLState(), error.getMessage());
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM symbols")) {
                    assertTrue(rs.next());
                }
            }
        }
    }

    @Test
    void theSchemaPropertySetsTheCurrentSchema() throws SQLException {
        Path catalog = temp.resolve("schemas");
        try (Connection setup = DriverManager.getConnection(url(catalog));
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE SCHEMA analytics");
        }
        try (Connection connection = DriverManager.getConnection(url(catalog) + ";schema=analytics")) {
            assertEquals("analytics", connection.getSchema());
        }
        Properties properties = new Properties();
        properties.setProperty("schema", "analytics");
        try (Connection connection = DriverManager.getConnection(url(catalog), properties)) {
            assertEquals("analytics", connection.getSchema());
        }
        assertEquals("3F000", assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(catalog) + ";schema=nowhere")).getSQLState());
    }

    @Test
    void propertiesAreCheckedAndUnknownOnesWarned() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:;queryMemoryLimt=1g")) {
            assertTrue(warnings(connection).stream().anyMatch(w -> w.contains("queryMemoryLimt")),
                    warnings(connection).toString());
        }
        SQLException bad = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid:embedded:;batchRows=zero"));
        assertEquals("08001", bad.getSQLState());
        assertTrue(bad.getMessage().contains("batchRows"));
    }

    @Test
    void engineSettingsOfASharedEngineAreWarnedAboutWhenIgnored() throws SQLException {
        Path catalog = temp.resolve("settings");
        try (Connection first = DriverManager.getConnection(url(catalog) + ";batchRows=1024");
             Connection second = DriverManager.getConnection(url(catalog) + ";batchRows=4096")) {
            assertTrue(warnings(first).isEmpty(), warnings(first).toString());
            assertTrue(warnings(second).stream().anyMatch(w -> w.contains("batchRows 4096 was not applied")),
                    warnings(second).toString());
        }
    }

    @Test
    void badTargetsAndModesFailToConnectWith08001() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        SQLException notADirectory = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(file)));
        assertEquals("08001", notADirectory.getSQLState());
        assertTrue(notADirectory.getMessage().contains("not-a-directory"), notADirectory.getMessage());

        SQLException unknown = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid:nosuchmode:/x"));
        assertEquals("08001", unknown.getSQLState());
        assertTrue(unknown.getMessage().contains("embedded"), unknown.getMessage());
    }

    @Test
    void propertyInfoListsWhatTheModeReads() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:polaroid:embedded:");
        Properties info = new Properties();
        info.setProperty("batchRows", "2048");
        Map<String, DriverPropertyInfo> embedded = Arrays.stream(
                driver.getPropertyInfo("jdbc:polaroid:embedded:/tmp/x;schema=s", info))
                .collect(Collectors.toMap(p -> p.name, p -> p));
        assertEquals(List.of("batchRows", "memoryLimit", "queryMemoryLimit", "schema"),
                embedded.keySet().stream().sorted().collect(Collectors.toList()));
        assertEquals("s", embedded.get("schema").value);
        assertEquals("2048", embedded.get("batchRows").value);
        embedded.values().forEach(property -> assertFalse(property.description.isBlank(), property.name));
        assertEquals(2, driver.getPropertyInfo("jdbc:polaroid:", new Properties()).length,
                "a URL still being typed gets the common properties");
    }

    @Test
    void withoutTheAddOpensFlagConnectingFailsWithAnSqlExceptionNamingIt() throws Exception {
        String withoutFlag = runProbe(false);
        assertTrue(withoutFlag.startsWith("SQLSTATE=08001 java.sql.SQLNonTransientConnectionException"), withoutFlag);
        assertTrue(withoutFlag.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), withoutFlag);
        assertTrue(withoutFlag.contains("dbeaver.ini"), withoutFlag);
        assertEquals("CONNECTED embedded", runProbe(true), "the same probe connects when the flag is there");
    }

    /** Runs {@link AddOpensProbe} in a child JVM with this test's class path; returns its output line. */
    private String runProbe(boolean withFlag) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withFlag) {
            command.add(ArrowMemoryAccess.FLAG);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AddOpensProbe.class.getName()));
        Path output = Files.createTempFile(temp, "probe", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the probe JVM did not finish: " + Files.readString(output));
        }
        String text = Files.readString(output);
        return text.lines().filter(line -> line.startsWith("SQLSTATE=") || line.startsWith("CONNECTED")
                || line.startsWith("UNEXPECTED")).findFirst().orElse(text);
    }

    @Test
    void connectionWarningsAreClearedOnRequest() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:;nonsense=1")) {
            assertNotNull(connection.getWarnings());
            connection.clearWarnings();
            assertNull(connection.getWarnings());
        }
    }
}
