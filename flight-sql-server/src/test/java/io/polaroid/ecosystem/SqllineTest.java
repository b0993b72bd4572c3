package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sqlline.SqlLine;

/**
 * sqlline, the JDBC command line from Maven Central, driving Polaroid in the embedded, arrow and remote
 * modes as a user would: {@code -u <url> -e <sql>} and a script run with {@code --run}.
 */
class SqllineTest {
    record Run(SqlLine.Status status, String output, String errors) {
    }

    /** Embedded and remote over registered datasets; arrow over the test files' directory (tables by file name). */
    static Stream<String> urls() {
        return Stream.concat(Targets.urls(), Stream.of("jdbc:polaroid:arrow:" + TestData.directory()));
    }

    private static Run sqlline(String... args) throws IOException {
        // an empty user and password: sqlline would otherwise prompt for them on its input
        List<String> all = new ArrayList<>(List.of("-n", "", "-p", "", "--silent=true", "--outputformat=csv",
                "--showHeader=true", "--maxWidth=200", "--color=false", "--incremental=false"));
        all.addAll(List.of(args));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        SqlLine sqlLine = new SqlLine();
        sqlLine.setOutputStream(output);
        sqlLine.setErrorStream(errors);
        SqlLine.Status status = sqlLine.begin(all.toArray(new String[0]),
                new ByteArrayInputStream(new byte[0]), false);
        return new Run(status, output.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void runsAQueryGivenOnTheCommandLine(String url) throws IOException {
        Run run = sqlline("-u", url, "-e", "SELECT sector, COUNT(*) AS n FROM symbols GROUP BY sector ORDER BY sector");
        assertEquals(SqlLine.Status.OK, run.status(), run.errors());
        assertTrue(run.output().contains("'SECTOR','N'") || run.output().contains("'sector','n'"), run.output());
        assertTrue(run.output().contains("'energy','5'"), run.output());
        assertTrue(run.output().contains("'health','5'"), run.output());
        assertTrue(run.output().contains("'tech','5'"), run.output());
    }

    @ParameterizedTest
    @MethodSource("urls")
    void runsAScriptWithMetadataCommands(String url, @TempDir Path directory) throws IOException {
        Path script = Files.writeString(directory.resolve("script.sql"), String.join("\n",
                "SELECT COUNT(*) AS trades FROM trades;",
                "!tables",
                "SELECT MAX(volume) AS top FROM trades WHERE side = 'SELL';",
                ""));
        Run run = sqlline("-u", url, "--run=" + script);
        assertEquals(SqlLine.Status.OK, run.status(), run.errors());
        assertTrue(run.output().contains("'" + TestData.TRADES + "'"), run.output());
        assertTrue(run.output().contains("'symbols'") || run.output().contains("'SYMBOLS'"), run.output());
        assertTrue(run.output().contains("'50'"), run.output());
    }

    @Test
    void aBadQueryIsReportedWithItsMessage() throws IOException {
        Run run = sqlline("-u", Targets.embeddedUrl(), "-e", "SELECT * FROM no_such_dataset");
        assertTrue(run.status() != SqlLine.Status.OK, run.output());
        assertTrue(run.errors().contains("no_such_dataset") || run.errors().contains("NO_SUCH_DATASET"),
                run.errors());
    }

    @Test
    void anUnreachableServerFailsToConnect() throws IOException {
        Run run = sqlline("-u", "jdbc:polaroid://127.0.0.1:1?connectTimeoutMs=2000", "-e", "SELECT 1");
        assertTrue(run.status() != SqlLine.Status.OK, run.output());
        assertTrue(run.errors().contains("127.0.0.1:1"), run.errors());
    }
}
