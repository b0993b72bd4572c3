package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.cli.CliEnvironment;
import io.polaroid.cli.PolaroidCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security options as the command line takes them: {@code polaroid serve ...}, {@code polaroid hash-password}. */
class ServeOptionsTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of(), directory,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, false);
        int exitCode = PolaroidCli.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void serveWithoutAuthenticationOnEveryInterfaceIsRefusedBeforeListening() {
        Run run = run("", "serve", "--host", "0.0.0.0", "--port", "0", "--catalog", directory.resolve("c").toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("refusing to start without authentication on '0.0.0.0'"), run.err());
    }

    @Test
    void serveWithAMissingTokenVariableIsRefused() {
        Run run = run("", "serve", "--host", "0.0.0.0", "--port", "0", "--catalog", directory.resolve("c").toString(),
                "--auth", "token", "--token-env", "POLAROID_TOKEN");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("POLAROID_TOKEN (--token-env) is not set"), run.err());
    }

    @Test
    void badDurationAndUnknownModeAreUsageErrors() {
        Run duration = run("", "serve", "--queue-timeout", "soon");
        assertEquals(PolaroidCli.USAGE, duration.exitCode());
        assertTrue(duration.err().contains("'soon' is not a duration"), duration.err());
        Run mode = run("", "serve", "--port", "0", "--catalog", directory.resolve("c").toString(), "--auth", "kerberos");
        assertNotEquals(0, mode.exitCode());
        assertTrue(mode.err().contains("unknown --auth mode 'kerberos'"), mode.err());
    }

    @Test
    void hashPasswordPrintsAUsersFileLineThatVerifies() {
        Run run = run("s3cret\n", "hash-password", "--user", "carol", "--role", "admin");
        assertEquals(0, run.exitCode(), run.err());
        String[] fields = run.out().strip().split(":", 3);
        assertEquals("carol", fields[0]);
        assertEquals("admin", fields[1]);
        assertTrue(PasswordHash.parse(fields[2], "output").matches("s3cret".toCharArray()));
    }

    @Test
    void hashPasswordRefusesAnEmptyPassword() {
        Run run = run("\n", "hash-password");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("must not be empty"), run.err());
    }
}
