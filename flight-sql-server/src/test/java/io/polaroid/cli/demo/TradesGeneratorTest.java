package io.polaroid.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reads the generated files back through Polaroid's own JDBC driver, registered in an in-memory catalog. */
// a safety net, not a performance check: a hung query fails the test instead of the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TradesGeneratorTest {
    @TempDir
    Path directory;

    @Test
    void writesOneFileADayWithEveryRowReported() throws Exception {
        TradesGenerator.Spec spec = TradesGenerator.Spec.of(100_003);
        AtomicLong reported = new AtomicLong();

        List<Path> files = new TradesGenerator(spec).write(directory, 2, reported::addAndGet);

        assertEquals(100_003, reported.get());
        assertEquals(List.of("trades-2024-03-04.parquet", "trades-2024-03-05.parquet", "trades-2024-03-06.parquet",
                "trades-2024-03-07.parquet", "trades-2024-03-08.parquet"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        assertEquals(20_001, count(files.get(0), "SELECT COUNT(*) FROM t"));
        assertEquals(20_000, count(files.get(4), "SELECT COUNT(*) FROM t"));
        assertEquals(100_003, count(directory, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void writesPlausibleTrades() throws Exception {
        new TradesGenerator(TradesGenerator.Spec.of(60_000)).write(directory, 1, rows -> { });

        assertEquals(80, count(directory, "SELECT COUNT(DISTINCT symbol) FROM t"));
        // every row is valid: counted among the rows that pass each check
        assertEquals(60_000, count(directory, "SELECT COUNT(*) FROM t WHERE price > 0 AND volume > 0"
                + " AND side IN ('B', 'S')"
                + " AND venue IN ('XNAS', 'XNYS', 'ARCX', 'BATS', 'EDGX', 'IEXG', 'MEMX')"));
        assertEquals(60_000, count(directory, "SELECT COUNT(*) FROM t WHERE CAST(ts AS TIME) >= TIME '09:30:00'"
                + " AND CAST(ts AS TIME) < TIME '16:00:00'"));
        // Zipf skew: the most active symbol trades far more than the least active one
        long top = count(directory, "SELECT COUNT(*) FROM t WHERE symbol = 'AAPL'");
        long bottom = count(directory, "SELECT COUNT(*) FROM t WHERE symbol = 'UBER'");
        assertTrue(top > 10 * bottom, "AAPL " + top + " vs UBER " + bottom);
        // prices are in cents
        assertEquals(60_000, count(directory,
                "SELECT COUNT(*) FROM t WHERE ABS(price * 100 - ROUND(price * 100)) < 1e-6"));
    }

    @Test
    void timestampsIncreaseWithinADay() throws Exception {
        List<Path> files = new TradesGenerator(TradesGenerator.Spec.of(30_000)).write(directory, 1, rows -> { });
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET t FROM '" + files.get(2) + "'");
            ResultSet rows = statement.executeQuery("SELECT ts FROM t");
            java.time.LocalDateTime previous = LocalDate.of(2024, 3, 6).atTime(9, 30);
            int count = 0;
            while (rows.next()) {
                java.time.LocalDateTime ts = rows.getObject(1, java.time.LocalDateTime.class);
                assertTrue(!ts.isBefore(previous), ts + " after " + previous);
                previous = ts;
                count++;
            }
            assertEquals(6_000, count);
        }
    }

    @Test
    void isDeterministicWhateverTheThreadCount() throws Exception {
        Path one = Files.createDirectory(directory.resolve("one"));
        Path two = Files.createDirectory(directory.resolve("two"));
        TradesGenerator.Spec spec = TradesGenerator.Spec.of(40_000);

        List<Path> first = new TradesGenerator(spec).write(one, 1, rows -> { });
        List<Path> second = new TradesGenerator(spec).write(two, 4, rows -> { });

        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)),
                    first.get(i).getFileName().toString());
        }
    }

    @Test
    void spreadsFewRowsOverFewerDays() {
        TradesGenerator.Spec spec = TradesGenerator.Spec.of(3);
        assertEquals(3, spec.days());
        assertEquals(List.of(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6)),
                spec.tradingDays());
    }

    @Test
    void skipsWeekends() {
        TradesGenerator.Spec spec = new TradesGenerator.Spec(10, 3, LocalDate.of(2024, 3, 8), 1);
        assertEquals(List.of(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12)),
                spec.tradingDays());
    }

    @Test
    void rejectsEmptySpecs() {
        assertThrows(IllegalArgumentException.class, () -> TradesGenerator.Spec.of(0));
        assertThrows(IllegalArgumentException.class,
                () -> new TradesGenerator.Spec(10, 0, LocalDate.of(2024, 3, 4), 1));
    }

    @Test
    void failsWithTheFileNameWhenTheDirectoryIsMissing() {
        Path missing = directory.resolve("missing");
        io.polaroid.error.PolaroidException failure = assertThrows(io.polaroid.error.PolaroidException.class,
                () -> new TradesGenerator(TradesGenerator.Spec.of(1000)).write(missing, 2, rows -> { }));
        assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
    }

    /** The single number {@code sql} returns, with {@code data} registered as dataset {@code t}. */
    private static long count(Path data, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET t FROM '" + data + "'");
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
