package io.polaroid.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The metrics endpoint as Prometheus sees it: a real HTTP scrape of what the listener was told. */
class ServerMetricsTest {
    private static String scrape(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static QueryRecord record(Operation operation, QueryRecord.Outcome outcome, long rows, long bytes,
                                      Duration duration, String sqlState) {
        return new QueryRecord("alice", "s1", operation, "SELECT 1", rows, bytes, duration, outcome,
                Optional.ofNullable(sqlState));
    }

    private static void assertLine(String body, String line) {
        assertTrue(body.lines().anyMatch(line::equals), "no line '" + line + "' in:\n" + body);
    }

    @Test
    void endpointServesQueryCountsErrorsLatencyVolumeAndMemory() throws Exception {
        OperationsSettings settings = new OperationsSettings(4, Duration.ofSeconds(1), OptionalInt.of(0));
        try (BufferAllocator allocator = new RootAllocator();
             ServerOperations operations = new ServerOperations(settings, "127.0.0.1")) {
            operations.started(allocator);
            operations.listener().onQueryFinished(record(Operation.QUERY, QueryRecord.Outcome.SUCCEEDED, 1000, 64_000,
                    Duration.ofMillis(3), null));
            operations.listener().onQueryFinished(record(Operation.QUERY, QueryRecord.Outcome.SUCCEEDED, 500, 32_000,
                    Duration.ofMillis(700), null));
            operations.listener().onQueryFinished(record(Operation.QUERY, QueryRecord.Outcome.FAILED, 0, 0,
                    Duration.ofMillis(1), "42P01"));
            operations.listener().onQueryFinished(record(Operation.INGEST, QueryRecord.Outcome.CANCELLED, 10, 0,
                    Duration.ofSeconds(2), "57014"));
            String body;
            try (ArrowBuf held = allocator.buffer(1 << 20);
                 QueryAdmission.Permit permit = operations.admission().admit("alice", "SELECT 1")) {
                body = scrape(operations.metricsPort().orElseThrow());
                assertLine(body, "polaroid_memory_allocated_bytes " + (double) allocator.getAllocatedMemory());
                assertLine(body, "polaroid_queries_running 1.0");
            }
            assertLine(body, "polaroid_queries_total{operation=\"query\",outcome=\"succeeded\"} 2.0");
            assertLine(body, "polaroid_queries_total{operation=\"query\",outcome=\"failed\"} 1.0");
            assertLine(body, "polaroid_queries_total{operation=\"ingest\",outcome=\"cancelled\"} 1.0");
            assertLine(body, "polaroid_query_errors_total{sqlstate=\"42P01\"} 1.0");
            assertLine(body, "polaroid_query_errors_total{sqlstate=\"57014\"} 1.0");
            assertLine(body, "polaroid_rows_total{operation=\"query\"} 1500.0");
            assertLine(body, "polaroid_streamed_bytes_total 96000.0");
            assertLine(body, "polaroid_query_duration_seconds_bucket{operation=\"query\",le=\"0.005\"} 2");
            assertLine(body, "polaroid_query_duration_seconds_bucket{operation=\"query\",le=\"1.0\"} 3");
            assertLine(body, "polaroid_query_duration_seconds_count{operation=\"query\"} 3");
            assertLine(body, "polaroid_queries_queued 0.0");
            assertTrue(body.contains("# TYPE polaroid_query_duration_seconds histogram"), body);
        }
    }

    @Test
    void busyMetricsPortFailsWithTheAddress() throws Exception {
        OperationsSettings settings = new OperationsSettings(0, Duration.ZERO, OptionalInt.of(0));
        try (BufferAllocator allocator = new RootAllocator();
             ServerOperations first = new ServerOperations(settings, "127.0.0.1")) {
            first.started(allocator);
            int taken = first.metricsPort().orElseThrow();
            try (ServerOperations second = new ServerOperations(
                    new OperationsSettings(0, Duration.ZERO, OptionalInt.of(taken)), "127.0.0.1")) {
                PolaroidException e = assertThrows(PolaroidException.class, () -> second.started(allocator));
                assertEquals("08001", e.sqlState());
                assertTrue(e.getMessage().contains("127.0.0.1:" + taken), e.getMessage());
            }
        }
    }

    @Test
    void withoutAPortNothingIsServedAndAdmissionIsUnlimited() {
        try (BufferAllocator allocator = new RootAllocator();
             ServerOperations operations = new ServerOperations(OperationsSettings.defaults(), "127.0.0.1")) {
            operations.started(allocator);
            assertTrue(operations.metricsPort().isEmpty());
            assertEquals(QueryAdmission.UNLIMITED, operations.admission());
        }
    }
}
