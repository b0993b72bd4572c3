package io.polaroid.jdbc.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.PolaroidConnection;
import io.polaroid.jdbc.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the arrow mode decides itself: which files are tables, and how bad paths and bad files fail. */
class ArrowModeTest {
    @TempDir
    Path temp;

    static Connection connect(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:polaroid:arrow:" + path);
    }

    static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    static List<String> warnings(Connection connection) throws SQLException {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = connection.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    @Test
    void everySupportedFileIsATableNamedAfterItsStemAndOtherFilesAreIgnored() throws Exception {
        Files.copy(TestData.file("symbols"), temp.resolve("symbols.parquet"));
        write(temp.resolve("prices.csv"), "sym,price\nS1,1.5\nS2,2.5\n");
        ArrowIpcFiles.writeFile(temp.resolve("ticks.arrow"), 3);
        ArrowIpcFiles.writeFile(temp.resolve("quotes.feather"), 2);
        write(temp.resolve("notes.txt"), "not data");
        write(temp.resolve(".hidden.csv"), "a\n1\n");
        Path partitioned = Files.createDirectories(temp.resolve("sales").resolve("year=2024"));
        Files.copy(TestData.file("trades"), partitioned.resolve("part-0.parquet"));
        Files.createDirectories(temp.resolve("empty_dir"));

        try (Connection connection = connect(temp)) {
            assertEquals(List.of("prices", "quotes", "sales", "symbols", "ticks"), tables(connection));
            assertEquals("arrow", connection.getClientInfo(PolaroidConnection.MODE));
            assertTrue(connection.getMetaData().usesLocalFiles());
            assertEquals(List.of(), warnings(connection));
            assertEquals(TestData.TRADES, count(connection, "SELECT count(*) FROM sales WHERE \"year\" = 2024"));
            assertEquals(2, count(connection, "SELECT count(*) FROM prices p JOIN symbols s ON p.sym = s.sym"));
        }
    }

    @Test
    void aSingleFileOrAGlobNamesTheTables() throws Exception {
        write(temp.resolve("a.csv"), "x\n1\n");
        write(temp.resolve("b.csv"), "x\n2\n3\n");
        write(temp.resolve("c.txt"), "x\n");
        try (Connection file = connect(temp.resolve("b.csv")); Connection glob = connect(temp.resolve("*.*"))) {
            assertEquals(List.of("b"), tables(file));
            assertEquals(List.of("a", "b"), tables(glob));
            assertEquals(5, count(glob, "SELECT sum(x) FROM b"));
        }
    }

    @Test
    void aPathThatDoesNotExistFailsToConnectNamingIt() {
        Path missing = temp.resolve("no-such-dir");
        SQLException error = assertThrows(SQLException.class, () -> connect(missing));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
        SQLException empty = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:polaroid:arrow:"));
        assertEquals("08001", empty.getSQLState());
    }

    @Test
    void aSingleFileOfAnUnsupportedKindFailsToConnect() throws Exception {
        Path text = temp.resolve("readme.txt");
        write(text, "hello");
        SQLException error = assertThrows(SQLException.class, () -> connect(text));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(text.toString()) && error.getMessage().contains(".csv"), error.getMessage());
    }

    @Test
    void anEmptyDirectoryConnectsWithNoTablesAndAWarning() throws Exception {
        try (Connection connection = connect(temp)) {
            assertEquals(List.of(), tables(connection));
            List<String> warnings = warnings(connection);
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("holds no data files"), warnings.get(0));
            SQLException error = assertThrows(SQLException.class, () -> count(connection, "SELECT count(*) FROM anything"));
            assertEquals("42P01", error.getSQLState());
        }
    }

    @Test
    void twoFilesWithOneStemAreBothLeftOutWithAWarningNamingThem() throws Exception {
        write(temp.resolve("trades.csv"), "x\n1\n");
        Files.copy(TestData.file("trades"), temp.resolve("Trades.parquet"));
        write(temp.resolve("other.csv"), "x\n1\n");
        try (Connection connection = connect(temp)) {
            assertEquals(List.of("other"), tables(connection));
            String warning = String.join("\n", warnings(connection));
            assertTrue(warning.contains("ambiguous") && warning.contains("trades.csv")
                    && warning.contains("Trades.parquet"), warning);
            assertEquals("42P01", assertThrows(SQLException.class,
                    () -> count(connection, "SELECT count(*) FROM trades")).getSQLState());
            assertEquals(1, count(connection, "SELECT count(*) FROM other"));
        }
    }

    @Test
    void aCorruptFileFailsOnlyItsOwnQueriesNamingTheFile() throws Exception {
        Path parquet = temp.resolve("broken.parquet");
        write(parquet, "PAR1 this is not a parquet file at all PAR1");
        Path arrow = temp.resolve("garbage.arrow");
        Files.write(arrow, "ARROW1\0\0 truncated".getBytes());
        Path csv = temp.resolve("unclosed.csv");
        write(csv, "a,b\n1,\"never closed\n");
        Path empty = temp.resolve("nothing.csv");
        write(empty, "");
        write(temp.resolve("good.csv"), "a\n1\n2\n");
        try (Connection connection = connect(temp)) {
            for (Path bad : List.of(parquet, arrow, csv, empty)) {
                String table = bad.getFileName().toString().replaceAll("\\..*", "");
                SQLException error = assertThrows(SQLException.class,
                        () -> count(connection, "SELECT count(*) FROM " + table), table);
                assertEquals("22000", error.getSQLState(), error.getMessage());
                assertTrue(error.getMessage().contains(bad.toString()), error.getMessage());
            }
            assertEquals(List.of("good"), tables(connection), "unreadable tables are left out of the listing");
            assertEquals(3, count(connection, "SELECT sum(a) FROM good"));
        }
    }

    @Test
    void anUnreadableFileFailsNamingIt() throws Exception {
        Path locked = temp.resolve("locked.csv");
        write(locked, "a\n1\n");
        assertTrue(locked.toFile().setReadable(false));
        try (Connection connection = connect(temp)) {
            if (Files.isReadable(locked)) {
                return;  // running as root: permissions do not stop reads
            }
            SQLException error = assertThrows(SQLException.class, () -> count(connection, "SELECT count(*) FROM locked"));
            assertEquals("58030", error.getSQLState());
            assertTrue(error.getMessage().contains(locked.toString()), error.getMessage());
        } finally {
            locked.toFile().setReadable(true);
        }
    }

    @Test
    void everyQueryReadsTheFilesAndAChangedFileIsReportedUntilRefreshed() throws Exception {
        Path csv = temp.resolve("live.csv");
        write(csv, "a\n1\n2\n");
        try (Connection connection = connect(temp)) {
            assertEquals(3, count(connection, "SELECT sum(a) FROM live"));
            write(csv, "a\n1\n2\n3\n");
            Files.setLastModifiedTime(csv, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            SQLException changed = assertThrows(SQLException.class, () -> count(connection, "SELECT sum(a) FROM live"));
            assertTrue(changed.getMessage().contains("REFRESH DATASET live"), changed.getMessage());
            try (Statement statement = connection.createStatement()) {
                statement.execute("REFRESH DATASET live");
            }
            assertEquals(6, count(connection, "SELECT sum(a) FROM live"));
        }
        write(temp.resolve("later.csv"), "b\n7\n");
        try (Connection next = connect(temp)) {
            assertEquals(7, count(next, "SELECT sum(b) FROM later"), "a new connection lists the directory again");
        }
    }

    @Test
    void theModeStartsNoServerOrNetworkThreads() throws Exception {
        // Other test classes of this JVM (the auto mode's) may have left gRPC threads behind: only new ones count.
        Set<Thread> before = networkThreads();
        try (Connection connection = ArrowFixture.INSTANCE.connect()) {
            assertEquals(TestData.BIG_ROWS, count(connection, "SELECT count(*) FROM big"));
            assertEquals(1000, count(connection, "SELECT count(DISTINCT grp) FROM big"));
            Set<Thread> started = networkThreads();
            started.removeAll(before);
            assertEquals(Set.of(), started);
        }
    }

    private static Set<Thread> networkThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName().toLowerCase(Locale.ROOT);
            if (name.contains("grpc") || name.contains("netty") || name.contains("flight")) {
                threads.add(thread);
            }
        }
        return threads;
    }

    @Test
    void queriesStreamLargeFilesUnderASmallMemoryLimit() throws Exception {
        // big holds 10 M rows (~120 MB as Arrow vectors): far more than the 16 MB limit, which streaming fits.
        String url = ArrowFixture.INSTANCE.url() + ";memoryLimit=16m;batchRows=8192";
        try (Connection connection = DriverManager.getConnection(url)) {
            assertEquals(TestData.BIG_ROWS, count(connection, "SELECT count(*) FROM big"));
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT grp, count(*), sum(id) FROM big GROUP BY grp ORDER BY grp")) {
                int groups = 0;
                while (rs.next()) {
                    assertEquals(groups, rs.getInt(1));
                    assertEquals(TestData.BIG_ROWS / 1000, rs.getLong(2));
                    groups++;
                }
                assertEquals(1000, groups);
            }
            // the limit is real: a query that must hold every row (a sort of all ids) does not fit
            SQLException error = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                        "SELECT id FROM big ORDER BY id DESC")) {
                    rs.next();
                }
            });
            assertEquals("53200", error.getSQLState(), error.getMessage());
            assertNull(connection.getWarnings());
            assertFalse(connection.isClosed());
        }
    }
}
