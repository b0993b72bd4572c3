package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./polaroid} script end to end. It may build the project first (minutes, network on a
 * fresh machine), so it runs only when asked: {@code -Dpolaroid.launcher.test=true}.
 */
@EnabledIfSystemProperty(named = "polaroid.launcher.test", matches = "true")
class LauncherScriptTest {
    @TempDir
    Path work;

    @Test
    void runsSqlFromAnotherDirectory() throws Exception {
        Path script = repositoryRoot().resolve("polaroid");
        Result result = run(List.of(script.toString(), "sql", "--catalog", work.resolve("catalog").toString(),
                "select 1 as one"));

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(" one\n-----\n   1\n(1 row)\n", result.out());
    }

    @Test
    void propagatesTheExitCodeOfAFailure() throws Exception {
        Path script = repositoryRoot().resolve("polaroid");
        Result result = run(List.of(script.toString(), "sql", "--catalog", work.resolve("catalog").toString(),
                "select * from missing"));

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("ERROR [42P01]"), result::toString);
    }

    @Test
    void explainsAJavaThatIsTooOld() throws Exception {
        Path fakeJdk = work.resolve("jdk11");
        Files.createDirectories(fakeJdk.resolve("bin"));
        Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = Files.writeString(fakeJdk.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        java.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(repositoryRoot().resolve("polaroid").toString(), "sql", "select 1");
        builder.environment().put("JAVA_HOME", fakeJdk.toString());
        Result result = run(builder);

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("needs Java 17 or newer"), result::toString);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.directory(work.toFile());
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 10 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The module's base directory is {@code <repo>/flight-sql-server}; surefire runs there. */
    private static Path repositoryRoot() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return base.getFileName().toString().equals("flight-sql-server") ? base.getParent() : base;
    }
}
