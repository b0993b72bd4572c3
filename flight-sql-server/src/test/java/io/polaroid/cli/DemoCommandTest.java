package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// a safety net, not a performance check: a hung query fails the test instead of the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoCommandTest {
    @TempDir
    Path home;

    private String catalog() {
        return home.resolve("catalog").toString();
    }

    @Test
    void generatesRegistersAndRunsTheExampleQueries() throws Exception {
        CliRun run = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "50_000");

        assertEquals(0, run.exitCode(), run::toString);
        Path data = home.resolve("demo-data/trades");
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(5, files.filter(f -> f.toString().endsWith(".parquet")).count());
        }
        String out = run.out();
        assertTrue(out.startsWith("Polaroid demo: 50,000 trades in 5 Parquet files"), run::toString);
        assertTrue(out.contains("CREATE DATASET IF NOT EXISTS trades FROM '" + data + "' WITH (cache = 'memory');\nOK (0)"),
                run::toString);
        // the count query's row: 50000 trades of 80 symbols over the week
        assertTrue(out.contains(" 50000 |      80 | 2024-03-04 09:30:"), run::toString);
        assertTrue(out.contains("time_bucket(INTERVAL '5' MINUTE, ts)"), run::toString);
        assertTrue(out.contains("date_trunc('hour', ts)"), run::toString);
        assertTrue(out.contains("ROWS BETWEEN 9 PRECEDING AND CURRENT ROW"), run::toString);
        assertEquals(5, out.split("\nTime: ", -1).length - 1, "five queries, each timed: " + out);
        assertTrue(out.contains("(10 rows)"), "top 10 symbols: " + out);
        assertTrue(out.contains("(12 rows)"), "twelve 5-minute bars in an hour: " + out);
        assertTrue(out.contains("(15 rows)"), "rolling average LIMIT 15: " + out);
        assertTrue(run.err().contains("generating 50,000 trades"), run::toString);
        assertTrue(run.err().contains("loading 50,000 rows into memory"), run::toString);
    }

    @Test
    void reusesTheDataAndPrintsTheSameResults() {
        CliRun first = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "20000");
        CliRun second = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "20000");

        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.err().contains("Using the demo data generated before"), second::toString);
        assertTrue(second.out().contains("REFRESH DATASET trades;\nOK (0)"), second::toString);
        assertEquals(withoutTimings(first.out()).replace("CREATE DATASET IF NOT EXISTS trades FROM '"
                        + home.resolve("demo-data/trades") + "' WITH (cache = 'memory')", "REFRESH DATASET trades"),
                withoutTimings(second.out()));
    }

    @Test
    void generatesAgainWithForceOrAnotherRowCount() {
        assertEquals(0, CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "10000").exitCode());

        CliRun forced = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "10000", "--force");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertTrue(forced.err().contains("generating 10,000 trades"), forced::toString);

        CliRun bigger = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "12k");
        assertEquals(0, bigger.exitCode(), bigger::toString);
        assertTrue(bigger.err().contains("generating 12,000 trades"), bigger::toString);
        assertTrue(bigger.out().contains(" 12000 |      80 |"), "the refreshed dataset has the new rows: " + bigger);
    }

    @Test
    void refusesToTakeOverAnotherTradesDataset() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        assertEquals(0, CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "1000", "--data-dir",
                elsewhere.toString()).exitCode());

        CliRun run = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", "1000");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("ERROR [42P07]: "), "checked before generating anything: " + run);
        assertTrue(run.err().contains(elsewhere.resolve("trades").toString()), run::toString);
        assertFalse(Files.exists(home.resolve("demo-data")), run::toString);
    }

    @Test
    void rejectsBadRowCounts() {
        for (String rows : new String[] {"0", "-5", "lots", "99999999999999999999"}) {
            CliRun run = CliRun.run(home, "demo", "--catalog", catalog(), "--rows", rows);
            assertEquals(2, run.exitCode(), run::toString);
            assertNotEquals("", run.err());
        }
    }

    private static String withoutTimings(String out) {
        return out.replaceAll("Time: [^\n]*\n", "Time: -\n");
    }
}
