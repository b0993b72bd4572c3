package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.cli.CliEnvironment;
import io.polaroid.cli.PolaroidCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polaroid serve --http-port}: the HTTP endpoint beside Flight, on the same engine (a schema created
 * over HTTP is visible over Flight) and with the same API tokens.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeWithHttpTest {
    private static final String TOKEN = "serve-token-0123456789abcdef";
    private static final Pattern FLIGHT = Pattern.compile("JDBC URL: jdbc:polaroid://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern HTTP = Pattern.compile("HTTP query API: (http://127\\.0\\.0\\.1:\\d+)/query");

    @TempDir
    Path home;

    @Test
    void servesHttpBesideFlightOnOneEngine() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CliEnvironment environment = new CliEnvironment(Map.of("POLAROID_TOKEN", TOKEN), home,
                new ByteArrayInputStream(new byte[0]), false, false);
        Thread serve = new Thread(() -> exitCode.set(PolaroidCli.commandLine(environment, new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("serve", "--catalog", home.resolve("catalog").toString(),
                "--port", "0", "--http-port", "0", "--auth", "token", "--token-env", "POLAROID_TOKEN")));
        serve.start();
        try {
            Matcher flight = await(FLIGHT, out, err);
            Matcher http = await(HTTP, out, err);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(http.group(1) + "/query"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"CREATE SCHEMA over_http\"}"));
            assertEquals(401, client.send(create.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> created = client.send(create.header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, created.statusCode(), created.body());

            CallHeaders headers = new FlightCallHeaders();
            headers.insert("authorization", "Bearer " + TOKEN);
            CallOption auth = new HeaderCallOption(headers);
            try (BufferAllocator allocator = new RootAllocator();
                 FlightSqlClient sql = new FlightSqlClient(FlightClient.builder(allocator,
                         Location.forGrpcInsecure("127.0.0.1", Integer.parseInt(flight.group(1)))).build())) {
                FlightRuntimeException exists = assertThrows(FlightRuntimeException.class,
                        () -> sql.executeUpdate("CREATE SCHEMA over_http", auth));
                assertEquals(FlightStatusCode.ALREADY_EXISTS, exists.status().code(),
                        "Flight sees the schema HTTP created: " + exists.getMessage());
                FlightInfo info = sql.execute("SELECT 41 + 1", auth);
                try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), auth)) {
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
    }

    private static Matcher await(Pattern pattern, StringWriter out, StringWriter err) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Matcher matcher = pattern.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + pattern + " in\n" + out + "\n" + err);
    }
}
