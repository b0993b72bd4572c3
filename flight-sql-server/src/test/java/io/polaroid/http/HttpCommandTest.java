package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.cli.CliEnvironment;
import io.polaroid.cli.PolaroidCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code polaroid http} refuses, before it opens anything, what it cannot honour. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpCommandTest {
    @TempDir
    Path home;

    private String[] run(Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, home, new ByteArrayInputStream(new byte[0]),
                false, false);
        int exitCode = PolaroidCli.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new String[] {String.valueOf(exitCode), out.toString(), err.toString()};
    }

    @Test
    void tlsOptionsAreRefusedWithWhereToTerminateTls() throws Exception {
        Path certificate = java.nio.file.Files.writeString(home.resolve("c.pem"), "certificate");
        Path key = java.nio.file.Files.writeString(home.resolve("k.pem"), "key");
        String[] result = run(Map.of(), "http", "--in-memory", "--port", "0", "--tls-cert", certificate.toString(),
                "--tls-key", key.toString());
        assertEquals("1", result[0], result[2]);
        assertTrue(result[2].contains("22023") && result[2].contains("does not speak TLS"), result[2]);
    }

    @Test
    void aMetricsPortIsRefused() {
        String[] result = run(Map.of(), "http", "--in-memory", "--port", "0", "--metrics-port", "9090");
        assertEquals("1", result[0], result[2]);
        assertTrue(result[2].contains("--metrics-port"), result[2]);
    }

    @Test
    void aPortVariableThatIsNotANumberIsRefused() {
        String[] result = run(Map.of("PORT", "eighty"), "http", "--in-memory", "--host", "127.0.0.1");
        assertEquals("1", result[0], result[2]);
        assertTrue(result[2].contains("22023") && result[2].contains("eighty"), result[2]);
    }

    @Test
    void aMalformedCorsOriginIsRefused() {
        String[] result = run(Map.of(), "http", "--in-memory", "--port", "0", "--cors-origin", "example.com");
        assertEquals("1", result[0], result[2]);
        assertTrue(result[2].contains("example.com"), result[2]);
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            String[] result = run(Map.of(), "http", "--in-memory", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals("1", result[0], result[2]);
            assertTrue(result[2].contains("08001") && result[2].contains(String.valueOf(taken.getLocalPort())),
                    result[2]);
        }
    }
}
