package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code polaroid serve} in-process: it prints where it listens, serves queries, and stops cleanly. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("JDBC URL: jdbc:polaroid://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path home;

    @Test
    void servesTheCatalogUntilStopped() throws Exception {
        Path catalog = home.resolve("catalog");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CliEnvironment environment = new CliEnvironment(Map.of(), home, new ByteArrayInputStream(new byte[0]),
                false, false);
        Thread serve = new Thread(() -> exitCode.set(PolaroidCli.commandLine(environment, new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("serve", "--catalog", catalog.toString(), "--port", "0")));
        serve.start();
        try {
            int port = awaitPort(out, err);
            assertTrue(out.toString().contains("listening on 127.0.0.1:" + port), out.toString());
            try (BufferAllocator allocator = new RootAllocator();
                 FlightSqlClient client = new FlightSqlClient(FlightClient.builder(allocator,
                         Location.forGrpcInsecure("127.0.0.1", port)).build())) {
                client.executeUpdate("CREATE SCHEMA served");
                FlightInfo info = client.execute("SELECT 41 + 1 AS answer");
                try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                    assertTrue(stream.next());
                    assertEquals(42, ((Number) stream.getRoot().getVector(0).getObject(0)).intValue());
                }
            }
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
        assertFalse(serve.isAlive(), "serve must stop");
        assertEquals(0, exitCode.get(), err.toString());
        // the catalog was saved and its lock released: the next user opens it and finds the schema
        assertTrue(Files.isDirectory(catalog));
        CliRun again = CliRun.run(home, "sql", "--catalog", catalog.toString(), "CREATE SCHEMA served");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("42P06"), again.toString());
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.run(home, "serve", "--catalog", home.resolve("c").toString(),
                    "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("08001") && run.err().contains(String.valueOf(taken.getLocalPort())),
                    run.toString());
        }
    }

    private static int awaitPort(StringWriter out, StringWriter err) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            Matcher matcher = URL.matcher(out.toString());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("serve did not start:\n" + out + "\n" + err);
    }
}
