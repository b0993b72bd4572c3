package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health}, {@code GET /openapi.json} and CORS. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenApiAndCorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALLOWED = "https://app.example.com";

    @TempDir
    static Path directory;
    private static HttpFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = HttpFixture.open(directory, 100, false, settings -> settings.withCorsOrigins(List.of(ALLOWED)),
                io.polaroid.server.hooks.QueryAdmission.UNLIMITED);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return fixture.send(HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    @Test
    void healthSaysServing() throws Exception {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("serving", MAPPER.readTree(health.body()).get("status").asText());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> response = get("/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode api = MAPPER.readTree(response.body());
        assertTrue(api.get("openapi").asText().startsWith("3."), "OpenAPI 3");
        JsonNode paths = api.get("paths");
        assertTrue(paths.get("/query").has("post"));
        assertTrue(paths.get("/health").has("get"));
        assertTrue(paths.get("/openapi.json").has("get"));
        JsonNode request = api.at("/components/schemas/QueryRequest");
        assertEquals("sql", request.get("required").get(0).asText());
        List<String> formats = new ArrayList<>();
        request.at("/properties/format/enum").forEach(format -> formats.add(format.asText()));
        assertEquals(Arrays.stream(ResultFormat.values()).map(ResultFormat::requestName).toList(), formats,
                "the document lists exactly the formats the server knows");
        assertTrue(request.at("/properties/params").has("items"));
        JsonNode error = api.at("/components/schemas/Error");
        assertTrue(error.at("/properties/code").isObject() && error.at("/properties/message").isObject());
        JsonNode responses = paths.at("/~1query/post/responses");
        for (String status : new String[] {"200", "400", "401", "403", "404", "413", "500", "503"}) {
            assertTrue(responses.has(status), "documents " + status);
        }
        for (ResultFormat format : ResultFormat.values()) {
            String mediaType = format.mediaType().split(";")[0];
            assertTrue(responses.at("/200/content").has(mediaType), "documents " + mediaType);
        }
        assertEquals("bearer", api.at("/components/securitySchemes/apiKey/scheme").asText());
        assertEveryReferenceResolves(api, api);
    }

    private static void assertEveryReferenceResolves(JsonNode root, JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), ref);
            assertFalse(root.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
        node.forEach(child -> assertEveryReferenceResolves(root, child));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> preflight = fixture.send(HttpRequest.newBuilder(fixture.uri("/query"))
                .timeout(Duration.ofSeconds(30))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals(ALLOWED, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()
                .toLowerCase(Locale.ROOT).contains("authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> preflight = fixture.send(HttpRequest.newBuilder(fixture.uri("/query"))
                .timeout(Duration.ofSeconds(30))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.org")
                .header("Access-Control-Request-Method", "POST")
                .build());
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void answersCarryTheOriginOnlyForAllowedOrigins() throws Exception {
        HttpResponse<String> allowed = fixture.send(fixture.query("{\"sql\": \"SELECT 1 AS one\"}", null)
                .header("Origin", ALLOWED).build());
        assertEquals(200, allowed.statusCode());
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> other = fixture.send(fixture.query("{\"sql\": \"SELECT 1 AS one\"}", null)
                .header("Origin", "https://evil.example.org").build());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void malformedOriginsAreRefusedAtStart() {
        io.polaroid.error.PolaroidException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.polaroid.error.PolaroidException.class,
                () -> HttpSettings.onPort(0).withCorsOrigins(List.of("app.example.com/path")));
        assertEquals("22023", refused.sqlState());
    }
}
