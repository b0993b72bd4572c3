package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell reading a pipe: what {@code echo "select 1;" | polaroid shell} does. */
// a safety net, not a performance check: a hung query fails the test instead of the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShellCommandTest {
    @TempDir
    Path home;

    private CliRun shell(String input) {
        return CliRun.runWithInput(home, Map.of(), input, "shell", "--catalog", home.resolve("catalog").toString());
    }

    @Test
    void runsMultiLineStatementsAndSkipsComments() {
        CliRun run = shell(String.join("\n",
                "-- a comment line; with a semicolon",
                "SELECT 1 AS one;",
                "SELECT x * 2",
                "  AS doubled /* a block comment; */",
                "FROM (VALUES (21)) AS t(x); -- trailing",
                ""));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(" one\n-----\n   1\n(1 row)\n doubled\n---------\n      42\n(1 row)\n", run.out());
        assertEquals("", run.err(), "no prompt, banner or timing when piped");
    }

    @Test
    void runsALastStatementWithoutSemicolon() {
        CliRun run = shell("SELECT 'last' AS word");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" last\n"), run::toString);
    }

    @Test
    void keepsGoingAfterAnErrorAndExitsWithFailure() {
        CliRun run = shell("SELECT * FROM missing;\nSELECT 2 AS two;\n");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("ERROR [42P01]"), run::toString);
        assertTrue(run.out().contains(" two\n"), run::toString);
    }

    @Test
    void listsAndDescribesDatasets() {
        CliRun create = CliRun.run(home, "demo", "--catalog", home.resolve("catalog").toString(), "--rows", "2000");
        assertEquals(0, create.exitCode(), create::toString);

        CliRun run = shell("\\d\n\\d TRADES\n\\d main.trades\n");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" main   | trades | "), run::toString);
        String columns = String.join("\n",
                " column | type      | nullable",
                "--------+-----------+----------",
                " symbol | VARCHAR   | NO",
                " ts     | TIMESTAMP | NO",
                " price  | DOUBLE    | NO",
                " volume | BIGINT    | NO",
                " side   | VARCHAR   | NO",
                " venue  | VARCHAR   | NO",
                "(6 rows)");
        assertEquals(2, run.out().split(java.util.regex.Pattern.quote(columns), -1).length - 1, run::toString);
    }

    @Test
    void reportsAnUnknownDatasetToDescribe() {
        CliRun run = shell("\\d nothing_here\n");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("ERROR [42P01]: "), run::toString);
        assertTrue(run.err().contains("nothing_here"), run::toString);
    }

    @Test
    void togglesTiming() {
        CliRun run = shell("\\timing\nSELECT 1 AS one;\n\\timing off\nSELECT 2 AS two;\n");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Timing is on.\n"), run::toString);
        assertTrue(run.out().contains("Timing is off.\n"), run::toString);
        assertEquals(1, run.err().split("Time: ", -1).length - 1, run::toString);
    }

    @Test
    void stopsAtQuit() {
        CliRun run = shell("SELECT 1 AS one;\nquit\nSELECT 2 AS two;\n");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" one\n"), run::toString);
        assertFalse(run.out().contains(" two\n"), run::toString);

        CliRun backslash = shell("\\q\nSELECT 2 AS two;\n");
        assertEquals("", backslash.out());
    }

    @Test
    void treatsABackslashInsideAStatementAsSql() {
        // a meta command is only recognized at the start of a statement
        CliRun run = shell("SELECT\n'\\d' AS text;\n");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(" \\d\n"), run::toString);
    }

    @Test
    void rejectsUnknownBackslashCommands() {
        CliRun run = shell("\\x\nSELECT 1 AS one;\n");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown command \\x"), run::toString);
        assertTrue(run.out().contains(" one\n"), run::toString);
    }

    @Test
    void printsCsvWhenAsked() {
        CliRun run = CliRun.runWithInput(home, Map.of(), "SELECT 1 AS a, 'x' AS b;", "shell", "--format", "csv",
                "--catalog", home.resolve("catalog").toString());

        assertEquals("a,b\n1,x\n", run.out());
    }
}
