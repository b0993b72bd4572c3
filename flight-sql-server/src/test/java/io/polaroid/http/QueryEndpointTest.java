package io.polaroid.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /query} answering in each format, with parameters, and commands answering an update count. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryEndpointTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long ROWS = 25_000;

    @TempDir
    static Path directory;
    private static HttpFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = HttpFixture.open(directory, ROWS);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void jsonIsAnArrayOfRowObjects() throws Exception {
        HttpResponse<String> response = fixture.post(
                "{\"sql\": \"SELECT id, grp, name FROM numbers WHERE id < 3 ORDER BY id\", \"format\": \"json\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode rows = MAPPER.readTree(response.body());
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).get("grp").isNull(), "id 0 has a NULL grp: " + rows);
        assertEquals(1, rows.get(1).get("grp").asInt());
        assertEquals("n2", rows.get(2).get("name").asText());
        assertEquals(0, fixture.engine.rootAllocator().getAllocatedMemory(), "released before the answer ended");
    }

    @Test
    void jsonIsTheDefaultFormatAndAnEmptyResultIsAnEmptyArray() throws Exception {
        HttpResponse<String> response = fixture.post("{\"sql\": \"SELECT id FROM numbers WHERE id < 0\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, MAPPER.readTree(response.body()).size());
    }

    @Test
    void valuesOfEveryCommonTypeAsJsonAndCsv() throws Exception {
        String sql = "SELECT CAST(1.50 AS DECIMAL(5,2)) AS d, DATE '2024-01-31' AS dt,"
                + " TIMESTAMP '2024-01-01 10:00:00' AS ts, TIME '12:34:56' AS t, TRUE AS b,"
                + " CAST(NULL AS INTEGER) AS n, 'a,\\\"b' AS s, '' AS e, CAST(0.1 AS REAL) AS r,"
                + " CAST(1e300 AS DOUBLE) * CAST(1e300 AS DOUBLE) AS inf, 9007199254740993 AS big";
        HttpResponse<String> json = fixture.post("{\"sql\": \"" + sql + "\"}");
        assertEquals(200, json.statusCode(), json.body());
        JsonNode row = MAPPER.readTree(json.body()).get(0);
        assertTrue(json.body().contains("{\"d\":1.50,"), "a decimal keeps its scale: " + json.body());
        assertEquals("2024-01-31", row.get("dt").asText());
        assertEquals("2024-01-01T10:00:00", row.get("ts").asText());
        assertEquals("12:34:56", row.get("t").asText());
        assertTrue(row.get("b").booleanValue());
        assertTrue(row.get("n").isNull());
        assertEquals("a,\"b", row.get("s").asText());
        assertEquals("0.1", row.get("r").asText(), "a REAL keeps its shortest text");
        assertEquals("Infinity", row.get("inf").asText());
        assertEquals(9007199254740993L, row.get("big").longValue(), "no precision lost to a double");

        HttpResponse<String> csv = fixture.post("{\"sql\": \"" + sql + "\", \"format\": \"csv\"}");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("d,dt,ts,t,b,n,s,e,r,inf,big\r\n"
                + "1.50,2024-01-31,2024-01-01T10:00:00,12:34:56,true,,\"a,\"\"b\",\"\",0.1,Infinity,9007199254740993\r\n",
                csv.body());
    }

    @Test
    void binaryZonedTimestampsAndNestedValues() throws Exception {
        String sql = "SELECT X'0102ff' AS bin, CAST(TIMESTAMP '2024-01-01 10:00:00' AS TIMESTAMP WITH LOCAL TIME ZONE)"
                + " AS tz, ARRAY[1, 2] AS arr";
        HttpResponse<String> json = fixture.post("{\"sql\": \"" + sql + "\"}");
        assertEquals(200, json.statusCode(), json.body());
        JsonNode row = MAPPER.readTree(json.body()).get(0);
        assertEquals("AQL/", row.get("bin").asText(), "base64");
        assertEquals("2024-01-01T10:00:00Z", row.get("tz").asText(), "a UTC instant");
        assertTrue(row.get("arr").isArray() && row.get("arr").get(1).asInt() == 2, json.body());
        HttpResponse<String> csv = fixture.post("{\"sql\": \"" + sql + "\", \"format\": \"csv\"}");
        assertEquals("bin,tz,arr\r\nAQL/,2024-01-01T10:00:00Z,\"[1,2]\"\r\n", csv.body());
    }

    @Test
    void arrowStreamCarriesEveryRow() throws Exception {
        HttpResponse<byte[]> response = fixture.postForBytes(
                "{\"sql\": \"SELECT id, name FROM numbers\", \"format\": \"arrow\"}");
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.apache.arrow.stream", response.headers().firstValue("Content-Type").orElseThrow());
        long rows = 0;
        long sum = 0;
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(response.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals("id", root.getSchema().getFields().get(0).getName());
            while (reader.loadNextBatch()) {
                BigIntVector ids = (BigIntVector) root.getVector("id");
                for (int i = 0; i < root.getRowCount(); i++) {
                    sum += ids.get(i);
                }
                rows += root.getRowCount();
            }
        }
        assertEquals(ROWS, rows);
        assertEquals(ROWS * (ROWS - 1) / 2, sum);
    }

    @Test
    void parquetIsAFileTheEngineReadsBack() throws Exception {
        HttpResponse<byte[]> response = fixture.postForBytes(
                "{\"sql\": \"SELECT id, grp, name FROM numbers WHERE id >= 100\", \"format\": \"parquet\"}");
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.apache.parquet", response.headers().firstValue("Content-Type").orElseThrow());
        Path copy = Files.write(fixture.dataRoot.resolve("result.parquet"), response.body());
        HttpResponse<String> back = fixture.post("{\"sql\": \"SELECT count(*) AS n, count(grp) AS g, max(name) AS m"
                + " FROM read_parquet('" + copy + "')\"}");
        assertEquals(200, back.statusCode(), back.body());
        JsonNode row = MAPPER.readTree(back.body()).get(0);
        assertEquals(ROWS - 100, row.get("n").asLong());
        assertEquals("n9999", row.get("m").asText());
        assertTrue(row.get("g").asLong() < ROWS - 100, "NULLs survive the round trip");
    }

    @Test
    void parametersAreBoundByPositionAndType() throws Exception {
        HttpResponse<String> response = fixture.post("{\"sql\": \"SELECT count(*) AS n FROM numbers"
                + " WHERE id < ? AND name <> ? AND CAST(? AS DATE) > DATE '2000-01-01' AND ? IS NULL\","
                + " \"params\": [10, \"n3\", \"2024-01-31\", null]}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(9, MAPPER.readTree(response.body()).get(0).get("n").asInt());
    }

    @Test
    void aCommandAnswersItsUpdateCount() throws Exception {
        HttpResponse<String> response = fixture.post("{\"sql\": \"CREATE SCHEMA IF NOT EXISTS scratch\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(MAPPER.readTree(response.body()).has("updateCount"), response.body());
    }

    @Test
    void everyQueryIsReportedToTheListener() throws Exception {
        int before = fixture.finished.size();
        fixture.post("{\"sql\": \"SELECT id FROM numbers WHERE id < 5\"}");
        fixture.post("{\"sql\": \"SELECT nothing FROM numbers\"}");
        assertEquals(before + 2, fixture.finished.size());
        var ok = fixture.finished.get(before);
        assertEquals(5, ok.rows());
        assertEquals("SUCCEEDED", ok.outcome().name());
        var failed = fixture.finished.get(before + 1);
        assertEquals("FAILED", failed.outcome().name());
        assertEquals("42703", failed.sqlState().orElseThrow());
        assertFalse(ok.sessionId().equals(failed.sessionId()));
    }
}
