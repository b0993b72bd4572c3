package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polaroid http} as its own process, the way a serverless platform starts it: it listens on
 * {@code $PORT}, answers queries, and neither starts a Flight, gRPC or Netty thread nor even loads their
 * classes.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LeanProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+)");
    private static final Pattern HEAVY = Pattern.compile("grpc|netty|flight", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path directory;

    private ProcessBuilder polaroid(List<String> arguments) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + directory.resolve("classes.log"),
                "-cp", System.getProperty("java.class.path"),
                "io.polaroid.cli.PolaroidCli", "http"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PORT");
        return builder;
    }

    @Test
    void servesOnPortWithoutFlightGrpcOrNetty() throws Exception {
        ProcessBuilder builder = polaroid(List.of("--in-memory", "--host", "127.0.0.1"));
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = awaitUrl(out);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/query"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT 41 + 1 AS answer\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"answer\":42"), answer.body());

            String threads = run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print");
            assertTrue(threads.contains("polaroid-http-"), "the dump is of the right process: " + threads);
            List<String> names = new ArrayList<>();
            Matcher name = Pattern.compile("(?m)^\"([^\"]+)\"").matcher(threads);
            while (name.find()) {
                names.add(name.group(1));
            }
            assertTrue(names.stream().noneMatch(thread -> HEAVY.matcher(thread).find()), names.toString());

            List<String> heavyClasses = Files.readAllLines(directory.resolve("classes.log")).stream()
                    .filter(line -> line.contains(" io.grpc.") || line.contains(" io.netty.")
                            || line.contains(" org.apache.arrow.flight."))
                    .toList();
            assertTrue(heavyClasses.isEmpty(), "loaded: " + heavyClasses.stream().limit(10).toList());
        } finally {
            process.destroy();  // SIGTERM: the shutdown hook stops the server and closes the engine
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "polaroid http stops on SIGTERM");
        }
    }

    @Test
    void onAPlatformPortWithoutAuthenticationItRefusesToStart() throws Exception {
        ProcessBuilder builder = polaroid(List.of("--in-memory"));
        builder.environment().put("PORT", "0");  // $PORT means: listen on every interface
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("22023") && output.contains("0.0.0.0") && output.contains("--auth"), output);
        assertFalse(output.contains("listening"), output);
    }

    private static String awaitUrl(BufferedReader out) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("polaroid http ended without listening:\n" + seen);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
