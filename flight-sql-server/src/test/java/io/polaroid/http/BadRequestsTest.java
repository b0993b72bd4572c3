package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a request can be wrong gets its HTTP status and a JSON {@code {"code", "message"}} naming the
 * problem; none of them leaves memory behind. The server requires API keys here.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadRequestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long BODY_LIMIT = 4096;

    @TempDir
    static Path directory;
    private static HttpFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = HttpFixture.open(directory, 1_000, true, settings -> settings.withMaxRequestBytes(BODY_LIMIT),
                io.polaroid.server.hooks.QueryAdmission.UNLIMITED);
    }

    @AfterAll
    static void stop() {
        assertEquals(0, fixture.engine.rootAllocator().getAllocatedMemory());
        fixture.close();
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode error = MAPPER.readTree(response.body());
        assertEquals(code, error.get("code").asText(), response.body());
        assertTrue(error.get("message").asText().length() > 10, response.body());
        return error;
    }

    private static HttpResponse<String> asAdmin(String json) throws Exception {
        return fixture.post(json, HttpFixture.ADMIN_KEY);
    }

    @Test
    void aMissingKeyIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = fixture.post("{\"sql\": \"SELECT 1\"}");
        JsonNode error = assertError(response, 401, "28000");
        assertTrue(error.get("message").asText().contains("Authorization: Bearer"), error.toString());
        assertEquals("Bearer realm=\"polaroid\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        assertError(fixture.post("{\"sql\": \"SELECT 1\"}", "not-the-key-0123456789"), 401, "28000");
        HttpResponse<String> basic = fixture.send(fixture.query("{\"sql\": \"SELECT 1\"}", null)
                .header("Authorization", "Basic dXNlcjpwYXNz").build());
        assertTrue(assertError(basic, 401, "28000").get("message").asText().contains("API keys only"));
    }

    @Test
    void theRightKeyRuns() throws Exception {
        HttpResponse<String> response = fixture.post("{\"sql\": \"SELECT count(*) AS n FROM numbers\"}",
                HttpFixture.READER_KEY);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1_000, MAPPER.readTree(response.body()).get(0).get("n").asInt());
    }

    @Test
    void aReadOnlyKeyMayNotChangeTheCatalog() throws Exception {
        for (String sql : new String[] {"CREATE SCHEMA sneaky", "DROP DATASET numbers", "REFRESH DATASET numbers"}) {
            HttpResponse<String> response = fixture.post("{\"sql\": \"" + sql + "\"}", HttpFixture.READER_KEY);
            JsonNode error = assertError(response, 403, "42501");
            assertTrue(error.get("message").asText().contains("read_only"), error.toString());
        }
        assertEquals(200, asAdmin("{\"sql\": \"SELECT count(*) FROM numbers\"}").statusCode(), "numbers still there");
    }

    @Test
    void aFileOutsideTheDataRootsIs403() throws Exception {
        Path outside = directory.resolve("elsewhere.parquet");
        JsonNode error = assertError(asAdmin("{\"sql\": \"SELECT * FROM read_parquet('" + outside + "')\"}"), 403, "42501");
        assertTrue(error.get("message").asText().contains("data roots"), error.toString());
    }

    @Test
    void aCorruptFileIs500NamingTheFile() throws Exception {
        Path corrupt = java.nio.file.Files.write(fixture.dataRoot.resolve("corrupt.parquet"),
                "PAR1 this is not a Parquet file PAR1".getBytes(StandardCharsets.US_ASCII));
        JsonNode error = assertError(asAdmin("{\"sql\": \"SELECT * FROM read_parquet('" + corrupt + "')\"}"), 500,
                "22000");
        assertTrue(error.get("message").asText().contains("corrupt.parquet"), error.toString());
    }

    @Test
    void bodiesThatAreNotTheRequestAre400() throws Exception {
        String unterminated = assertError(asAdmin("{\"sql\": \"SELECT 1\""), 400, "22023").get("message").asText();
        assertTrue(unterminated.contains("not valid JSON") && unterminated.contains("(line 1, column "), unterminated);
        assertError(asAdmin("not json at all"), 400, "22023");
        assertError(asAdmin("[\"SELECT 1\"]"), 400, "22023");
        assertError(asAdmin(""), 400, "22023");
        assertTrue(assertError(asAdmin("{\"sql\": \"SELECT ?\", \"parms\": [1]}"), 400, "22023").get("message")
                .asText().contains("parms"));
        assertError(asAdmin("{\"sql\": 42}"), 400, "22023");
        assertError(asAdmin("{\"format\": \"json\"}"), 400, "22023");
        assertError(asAdmin("{\"sql\": \"SELECT 1\"} {}"), 400, "22023");
    }

    @Test
    void anUnknownFormatIs400NamingTheFormats() throws Exception {
        JsonNode error = assertError(asAdmin("{\"sql\": \"SELECT 1\", \"format\": \"xml\"}"), 400, "22023");
        assertTrue(error.get("message").asText().contains("xml")
                && error.get("message").asText().contains("arrow, json, csv, parquet"), error.toString());
    }

    @Test
    void sqlErrorsKeepTheirSqlState() throws Exception {
        assertError(asAdmin("{\"sql\": \"SELEC id FROM numbers\"}"), 400, "42601");
        assertError(asAdmin("{\"sql\": \"SELECT nope FROM numbers\"}"), 400, "42703");
        assertError(asAdmin("{\"sql\": \"SELECT * FROM no_such_table\"}"), 404, "42P01");
        assertError(asAdmin("{\"sql\": \"SELECT 1 / 0\"}"), 400, "22012");
        assertError(asAdmin("{\"sql\": \"CREATE SCHEMA main\"}"), 409, "42P06");
    }

    @Test
    void badParametersAre400() throws Exception {
        JsonNode count = assertError(asAdmin("{\"sql\": \"SELECT id FROM numbers WHERE id = ?\", \"params\": []}"),
                400, "22023");
        assertTrue(count.get("message").asText().contains("1 parameter"), count.toString());
        HttpResponse<String> notANumber = asAdmin(
                "{\"sql\": \"SELECT id FROM numbers WHERE id = ?\", \"params\": [\"seven\"]}");
        assertEquals(400, notANumber.statusCode(), notANumber.body());
        String code = MAPPER.readTree(notANumber.body()).get("code").asText();
        assertTrue(code.startsWith("22") || code.startsWith("42"), notANumber.body());
        assertError(asAdmin("{\"sql\": \"SELECT ?\", \"params\": [{\"a\": 1}]}"), 400, "22023");
        assertError(asAdmin("{\"sql\": \"SELECT ?\", \"params\": 5}"), 400, "22023");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"sql\": \"SELECT '" + "x".repeat((int) BODY_LIMIT) + "'\"}";
        assertError(asAdmin(big), 413, "54000");
        // a chunked body declares no length: the server stops reading one byte past the limit
        HttpRequest chunked = fixture.query("{}", HttpFixture.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertError(fixture.send(chunked), 413, "54000");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() throws Exception {
        HttpResponse<String> unknown = fixture.send(HttpRequest.newBuilder(fixture.uri("/queries"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertError(unknown, 404, "42704");
        HttpResponse<String> get = fixture.send(HttpRequest.newBuilder(fixture.uri("/query"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertError(get, 405, "0A000");
        assertEquals("POST, OPTIONS", get.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aRawRequestWithAHugeContentLengthIsRefusedUnread() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /query HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + HttpFixture.ADMIN_KEY
                    + "\r\nContent-Length: 10000000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", head);
        }
    }

    @Test
    void memoryIsNotHeldByFailedRequests() throws Exception {
        asAdmin("{\"sql\": \"SELECT * FROM no_such_table\"}");
        asAdmin("{\"sql\": \"SELECT id / (id - id) FROM numbers\"}");
        assertEquals(0, fixture.engine.rootAllocator().getAllocatedMemory());
    }
}
