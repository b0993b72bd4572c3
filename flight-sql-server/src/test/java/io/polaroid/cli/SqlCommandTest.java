package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// a safety net, not a performance check: a hung query fails the test instead of the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SqlCommandTest {
    private static final String VALUES = "SELECT * FROM (VALUES (1, 'apple', 2.5), (20, 'b,\"c\"', CAST(NULL AS DOUBLE)),"
            + " (300, '', 1e7)) AS t(id, name, amount) ORDER BY id";

    @TempDir
    Path home;

    private String catalog() {
        return home.resolve("catalog").toString();
    }

    @Test
    void printsAnAlignedTableWithNullsAndAFooter() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), VALUES);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "  id | name  |     amount",
                "-----+-------+------------",
                "   1 | apple |        2.5",
                "  20 | b,\"c\" |       NULL",
                " 300 |       | 10000000.0",
                "(3 rows)", ""), run.out());
        assertTrue(run.err().startsWith("Time: "), run::toString);
    }

    @Test
    void printsCsvWithQuotingAndEmptyNulls() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "--format", "csv", VALUES);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("id,name,amount\n1,apple,2.5\n20,\"b,\"\"c\"\"\",\n300,\"\",10000000.0\n", run.out());
    }

    @Test
    void printsJsonWithTypedValues() throws Exception {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "--format", "JSON", VALUES);

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(3, rows.size());
        assertEquals(1, rows.get(0).get("id").intValue());
        assertTrue(rows.get(0).get("id").isIntegralNumber());
        assertEquals("b,\"c\"", rows.get(1).get("name").textValue());
        assertTrue(rows.get(1).get("amount").isNull());
        assertEquals(1e7, rows.get(2).get("amount").doubleValue());
        assertEquals("", rows.get(2).get("name").textValue());
        assertEquals(4, run.out().split("\n").length - 1, "one row per line between [ and ]: " + run.out());
    }

    @Test
    void printsEmptyResultsInEveryFormat() throws Exception {
        String empty = "SELECT 1 AS one FROM (VALUES (1)) AS t(x) WHERE x > 1";
        assertEquals(" one\n-----\n(0 rows)\n", CliRun.run(home, "sql", "--catalog", catalog(), empty).out());
        assertEquals("one\n", CliRun.run(home, "sql", "--catalog", catalog(), "--format", "csv", empty).out());
        assertEquals("[]\n", CliRun.run(home, "sql", "--catalog", catalog(), "--format", "json", empty).out());
    }

    @Test
    void showsTimestampsAndDatesReadably() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "--format", "csv",
                "SELECT TIMESTAMP '2024-03-04 09:30:00.250' AS ts, DATE '2024-03-04' AS d, TRUE AS b");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("ts,d,b\n2024-03-04 09:30:00.25,2024-03-04,true\n", run.out());
    }

    @Test
    void printsUpdateCountsAsOk() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "CREATE SCHEMA staging");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("OK (0)\n", run.out());
    }

    @Test
    void runsSeveralStatementsInOrderAndKeepsTheCatalog() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(),
                "CREATE SCHEMA s1; -- a comment; with a semicolon\nCREATE SCHEMA s2;");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("OK (0)\nOK (0)\n", run.out());

        CliRun again = CliRun.run(home, "sql", "--catalog", catalog(), "CREATE SCHEMA s1");
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("ERROR [42P06]"), again::toString);
    }

    @Test
    void readsStatementsFromStandardInputWithADash() {
        CliRun run = CliRun.runWithInput(home, Map.of(), "SELECT 41 + 1 AS answer;\n", "sql", "--catalog",
                catalog(), "-");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(" answer\n--------\n     42\n(1 row)\n", run.out());
    }

    @Test
    void reportsSyntaxErrorsWithTheirSqlStateAndNoStackTrace() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "SELEC 1");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("ERROR [42601]: "), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void reportsUnknownTables() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "SELECT * FROM no_such_dataset");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("ERROR [42P01]: "), run::toString);
        assertTrue(run.err().contains("no_such_dataset"), run::toString);
    }

    @Test
    void stopsAtTheFirstFailingStatement() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(),
                "SELECT 1 AS a; SELECT * FROM missing; SELECT 3 AS c");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" a\n"), run::toString);
        assertFalse(run.out().contains(" c\n"), run::toString);
    }

    @Test
    void showsTheStackTraceWhenVerbose() {
        CliRun run = CliRun.run(home, "sql", "--verbose", "--catalog", catalog(), "SELECT * FROM missing");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("ERROR [42P01]"), run::toString);
        assertTrue(run.err().contains("\tat "), run::toString);
    }

    @Test
    void refusesACatalogWhoseParentDoesNotExist() {
        Path nowhere = home.resolve("no/such/parent/catalog");
        CliRun run = CliRun.run(home, "sql", "--catalog", nowhere.toString(), "SELECT 1");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("ERROR [58P01]: "), run::toString);
        assertTrue(run.err().contains(nowhere.getParent().toString()), run::toString);
        assertFalse(Files.exists(nowhere.getParent()), "nothing is created");
    }

    @Test
    void refusesACatalogThatIsAFile() throws Exception {
        Path file = Files.writeString(home.resolve("catalog.txt"), "not a catalog");
        CliRun run = CliRun.run(home, "sql", "--catalog", file.toString(), "SELECT 1");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("ERROR [58030]: "), run::toString);
        assertTrue(run.err().contains("catalog.txt"), run::toString);
    }

    @Test
    void usesPolaroidHomeAsTheDefaultCatalog() {
        Path polaroidHome = home.resolve("from-env");
        CliRun run = CliRun.runWithInput(home, Map.of("POLAROID_HOME", polaroidHome.toString()), "", "sql",
                "CREATE SCHEMA marker");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isDirectory(polaroidHome), "the catalog is created in $POLAROID_HOME");
        assertFalse(Files.exists(home.resolve(".polaroid/catalog")));
    }

    @Test
    void defaultsToACatalogUnderTheUsersHome() {
        CliRun run = CliRun.run(home, "sql", "SELECT 1 AS one");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isDirectory(home.resolve(".polaroid/catalog")));
    }

    @Test
    void rejectsAMissingOrEmptyStatementAsAUsageError() {
        CliRun missing = CliRun.run(home, "sql", "--catalog", catalog());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("Missing required parameter"), missing::toString);

        CliRun empty = CliRun.run(home, "sql", "--catalog", catalog(), " ; -- nothing");
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("no SQL statement given"), empty::toString);
    }

    @Test
    void rejectsAnUnknownFormat() {
        CliRun run = CliRun.run(home, "sql", "--catalog", catalog(), "--format", "xml", "SELECT 1");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("xml"), run::toString);
    }
}
