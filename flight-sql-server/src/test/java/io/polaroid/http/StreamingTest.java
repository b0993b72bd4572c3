package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polaroid.server.hooks.QueryRecord;
import io.polaroid.server.ops.QueryCap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results stream while the client reads: a client that goes away cancels its query and every byte of its
 * memory comes back; a query that fails after its result started cuts the response short instead of
 * ending it as if complete; the query cap answers 503; stopping the server cancels what still runs.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamingTest {
    /** 20,000 x 20,000 rows: a result no test could wait for, let alone hold. */
    private static final String ENDLESS = "{\"sql\": \"SELECT a.id, a.name, b.name AS other FROM numbers a"
            + " CROSS JOIN numbers b\", \"format\": \"FORMAT\"}";

    @TempDir
    Path directory;

    /** Sends {@code ENDLESS} on a raw socket and reads the head of the answer (the query is then running). */
    private static Socket startEndlessQuery(HttpFixture fixture, String format) throws IOException {
        Socket socket = new Socket("127.0.0.1", fixture.server.port());
        socket.setSoTimeout(30_000);
        byte[] body = ENDLESS.replace("FORMAT", format).getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        String status = new String(in.readNBytes(15), StandardCharsets.US_ASCII);
        assertEquals("HTTP/1.1 200 OK", status);
        assertEquals(64 * 1024, in.readNBytes(64 * 1024).length, "rows flow before the query has finished");
        return socket;
    }

    @Test
    void aClientThatDisconnectsCancelsItsQuery() throws Exception {
        try (HttpFixture fixture = HttpFixture.open(directory, 20_000)) {
            for (String format : new String[] {"arrow", "json", "csv"}) {
                int before = fixture.finished.size();
                Socket socket = startEndlessQuery(fixture, format);
                assertEquals(1, fixture.server.runningQueries());
                socket.close();
                assertEquals(0, fixture.awaitIdle(), format + ": the query's memory must come back");
                assertEquals(0, fixture.server.runningQueries(), format + ": the query must have stopped");
                QueryRecord record = fixture.finished.get(before);
                assertEquals(QueryRecord.Outcome.CANCELLED, record.outcome(), format + ": " + record);
                assertEquals("57014", record.sqlState().orElseThrow());
            }
            // the server is still fine
            assertEquals(200, fixture.post("{\"sql\": \"SELECT count(*) FROM numbers\"}").statusCode());
        }
    }

    @Test
    void aFailureAfterTheResultStartedTruncatesTheResponse() throws Exception {
        try (HttpFixture fixture = HttpFixture.open(directory, 200_000)) {
            String json = "{\"sql\": \"SELECT id, 10 / (id - 150000) AS q FROM numbers\", \"format\": \"csv\"}";
            HttpResponse<String> response;
            try {
                response = fixture.post(json);
            } catch (IOException truncated) {
                // the 200 and some rows went out, then the connection was cut: never a complete-looking answer
                assertEquals(0, fixture.awaitIdle());
                return;
            }
            // the failing batch came first (scans run in parallel): then it is a proper error
            assertEquals(400, response.statusCode(), "a 200 must not end normally: " + response.body().length());
            assertEquals("22012", new ObjectMapper().readTree(response.body()).get("code").asText());
        }
    }

    @Test
    void theQueryCapAnswers503() throws Exception {
        UnaryOperator<HttpSettings> same = UnaryOperator.identity();
        try (HttpFixture fixture = HttpFixture.open(directory, 20_000, false, same, new QueryCap(1, Duration.ZERO))) {
            try (Socket running = startEndlessQuery(fixture, "arrow")) {
                HttpResponse<String> refused = fixture.post("{\"sql\": \"SELECT 1\"}");
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("53300"), refused.body());
            }
            assertEquals(0, fixture.awaitIdle());
            assertEquals(200, fixture.post("{\"sql\": \"SELECT 1\"}").statusCode(), "the slot is free again");
        }
    }

    @Test
    void stoppingTheServerCancelsRunningQueries() throws Exception {
        HttpFixture fixture = HttpFixture.open(directory, 20_000);
        try (Socket socket = startEndlessQuery(fixture, "json")) {
            fixture.server.close();  // grace period zero
            assertEquals(0, fixture.server.runningQueries());
            assertEquals(0, fixture.engine.rootAllocator().getAllocatedMemory());
            InputStream in = socket.getInputStream();
            assertThrows(IOException.class, () -> {
                byte[] buffer = new byte[1 << 16];
                while (in.read(buffer) >= 0) {
                    // drain what was sent before the cut
                }
                throw new IOException("ended");  // an end without the final chunk is the cut too
            });
        } finally {
            fixture.close();
        }
    }
}
