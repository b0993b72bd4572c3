package io.polaroid.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.DatasetName;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * arrow-java's {@link FlightSqlClient} against the server, as a Java application uses it: ad-hoc queries,
 * prepared statements with bound parameters, and bulk ingest with {@code executeIngest}
 * ({@code CommandStatementIngest}: create, append, replace, and the failures that must leave nothing).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlightSqlClientInteropTest {
    private static final TableDefinitionOptions CREATE = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE,
            TableExistsOption.TABLE_EXISTS_OPTION_FAIL);
    private static final TableDefinitionOptions APPEND = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
            TableExistsOption.TABLE_EXISTS_OPTION_APPEND);
    private static final TableDefinitionOptions REPLACE = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
            TableExistsOption.TABLE_EXISTS_OPTION_REPLACE);

    private static InteropServer server;
    private static BufferAllocator allocator;
    private static FlightSqlClient client;
    private long baseline;

    @BeforeAll
    static void start() {
        server = new InteropServer();
        allocator = new RootAllocator();
        client = newClient();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            client.close();
            allocator.close(); // throws if a test leaked client-side Arrow memory
        } finally {
            server.close();
        }
    }

    @BeforeEach
    void rememberMemory() {
        baseline = server.engineMemory();
    }

    @AfterEach
    void memoryIsBack() throws InterruptedException {
        server.assertQuiet(baseline);
    }

    private static FlightSqlClient newClient() {
        return new FlightSqlClient(FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.server.port()))
                .intercept(new ClientCookieMiddleware.Factory())
                .build());
    }

    @Test
    void executeStreamsTypedColumns() throws Exception {
        FlightInfo info = client.execute("SELECT id, amount, ts, ts_utc FROM items WHERE id < 3000 ORDER BY id");
        Schema schema = info.getSchema();
        assertEquals(new ArrowType.Decimal(12, 2, 128), schema.findField("amount").getType());
        assertEquals(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, null),
                schema.findField("ts").getType());
        assertEquals(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "UTC"),
                schema.findField("ts_utc").getType());
        long rows = 0;
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                BigIntVector id = (BigIntVector) root.getVector("id");
                for (int i = 0; i < root.getRowCount(); i++) {
                    long expected = rows + i;
                    assertEquals(expected, id.get(i));
                    assertEquals(ItemsData.amount(expected), ((DecimalVector) root.getVector("amount")).getObject(i));
                    assertEquals(ItemsData.ts(expected), ((TimeStampMicroVector) root.getVector("ts")).getObject(i));
                    assertEquals(micros(ItemsData.ts(expected)), ((TimeStampMicroTZVector) root.getVector("ts_utc")).get(i));
                }
                rows += root.getRowCount();
            }
        }
        assertEquals(3000, rows);
    }

    @Test
    void preparedStatementTakesParametersAndIsReused() throws Exception {
        try (FlightSqlClient.PreparedStatement statement = client.prepare(
                "SELECT id, name FROM items WHERE id BETWEEN ? AND ? ORDER BY id")) {
            assertEquals(List.of("id", "name"), statement.getResultSetSchema().getFields().stream().map(Field::getName).toList());
            assertEquals(2, statement.getParameterSchema().getFields().size());
            assertEquals(List.of(10L, 11L, 12L), ids(statement, 10, 12));
            assertEquals(List.of(9_999L), ids(statement, 9_999, 20_000));
            assertEquals(List.of(), ids(statement, 5, 4));
        }
    }

    @Test
    void ingestCreatesAppendsAndReplacesADataset() throws Exception {
        try (EventBatches batches = new EventBatches(allocator, 0, 1_000, 5, -1)) {
            assertEquals(5_000, client.executeIngest(batches, ingest("events", CREATE)));
        }
        assertEquals(List.of(5_000L, EventBatches.total(0, 5_000)), countAndSum("events"));
        try (VectorSchemaRoot more = EventBatches.root(allocator, 5_000, 10)) {
            assertEquals(10, client.executeIngest(more, ingest("events", APPEND)));
        }
        assertEquals(List.of(5_010L, EventBatches.total(0, 5_010)), countAndSum("events"));
        try (EventBatches replacement = new EventBatches(allocator, 100, 7, 1, -1)) {
            assertEquals(7, client.executeIngest(replacement, ingest("events", REPLACE)));
        }
        assertEquals(List.of(7L, EventBatches.total(100, 7)), countAndSum("events"));
        // the uploaded timestamps come back as they went
        FlightInfo info = client.execute("SELECT at FROM events WHERE id = 103");
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertTrue(stream.next());
            assertEquals(LocalDateTime.of(1970, 1, 1, 0, 1, 43),
                    ((TimeStampMicroVector) stream.getRoot().getVector("at")).getObject(0));
        }
    }

    @Test
    void failedIngestsChangeNothing() throws Exception {
        try (VectorSchemaRoot rows = EventBatches.root(allocator, 0, 20)) {
            client.executeIngest(rows, ingest("kept", CREATE));
            FlightRuntimeException exists = assertThrows(FlightRuntimeException.class,
                    () -> client.executeIngest(rows, ingest("kept", CREATE)));
            assertEquals(FlightStatusCode.ALREADY_EXISTS, exists.status().code());
            assertTrue(exists.getMessage().contains("kept"), exists.getMessage());

            FlightRuntimeException missing = assertThrows(FlightRuntimeException.class,
                    () -> client.executeIngest(rows, ingest("missing", APPEND)));
            assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        }
        Schema otherTypes = new Schema(List.of(Field.nullable("id", ArrowType.Utf8.INSTANCE)));
        try (VectorSchemaRoot wrong = VectorSchemaRoot.create(otherTypes, allocator)) {
            ((VarCharVector) wrong.getVector("id")).setSafe(0, "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            wrong.setRowCount(1);
            FlightRuntimeException mismatch = assertThrows(FlightRuntimeException.class,
                    () -> client.executeIngest(wrong, ingest("kept", APPEND)));
            assertTrue(mismatch.getMessage().contains("kept"), mismatch.getMessage());
        }
        assertEquals(List.of(20L, EventBatches.total(0, 20)), countAndSum("kept"));
        assertFalse(visible("missing"));
    }

    @Test
    void anUploadTheClientAbandonsLeavesNothingVisible() throws Exception {
        // the client's data source breaks after three batches; FlightSqlClient then leaves the upload open
        // and only the call's deadline ends it: the server sees a cancelled DoPut in the middle of a stream
        try (EventBatches broken = new EventBatches(allocator, 0, 1_000, 5, 3)) {
            assertThrows(FlightRuntimeException.class, () -> client.executeIngest(broken, ingest("broken", CREATE),
                    CallOptions.timeout(2, TimeUnit.SECONDS)));
        }
        server.assertQuiet(baseline);
        assertFalse(visible("broken"));
        FlightRuntimeException unknown = assertThrows(FlightRuntimeException.class,
                () -> client.execute("SELECT count(*) FROM broken"));
        assertTrue(unknown.getMessage().contains("broken"), unknown.getMessage());
    }

    private static boolean visible(String dataset) {
        return server.server.engine().catalog().snapshot(DatasetName.of(dataset)).isPresent();
    }

    private static List<Long> ids(FlightSqlClient.PreparedStatement statement, long from, long to) throws Exception {
        Schema parameters = statement.getParameterSchema();
        try (VectorSchemaRoot values = VectorSchemaRoot.create(parameters, allocator)) {
            values.allocateNew();
            ((BigIntVector) values.getVector(0)).setSafe(0, from);
            ((BigIntVector) values.getVector(1)).setSafe(0, to);
            values.setRowCount(1);
            statement.setParameters(values);
            FlightInfo info = statement.execute();
            List<Long> ids = new java.util.ArrayList<>();
            try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                while (stream.next()) {
                    BigIntVector id = (BigIntVector) stream.getRoot().getVector("id");
                    VarCharVector name = (VarCharVector) stream.getRoot().getVector("name");
                    for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
                        assertEquals(ItemsData.name(id.get(i)), name.getObject(i).toString());
                        ids.add(id.get(i));
                    }
                }
            }
            statement.clearParameters();
            return ids;
        }
    }

    /** {@code [count(*), sum(id)]} of {@code dataset}. */
    private static List<Long> countAndSum(String dataset) throws Exception {
        FlightInfo info = client.execute("SELECT count(*) AS n, sum(id) AS s FROM " + dataset);
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertTrue(stream.next());
            VectorSchemaRoot root = stream.getRoot();
            return List.of(((Number) root.getVector("n").getObject(0)).longValue(),
                    ((Number) root.getVector("s").getObject(0)).longValue());
        }
    }

    /** Microseconds since the epoch of a UTC wall-clock time. */
    private static long micros(LocalDateTime utc) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), utc);
    }

    private static ExecuteIngestOptions ingest(String table, TableDefinitionOptions options) {
        return new ExecuteIngestOptions(table, options, null, null, Map.of());
    }

    private static TableDefinitionOptions options(TableNotExistOption ifMissing, TableExistsOption ifExists) {
        return TableDefinitionOptions.newBuilder().setIfNotExist(ifMissing).setIfExists(ifExists).build();
    }
}
