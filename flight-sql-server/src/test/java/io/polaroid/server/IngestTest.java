package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.polaroid.catalog.DatasetName;
import io.polaroid.engine.api.RemoteErrors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bulk ingest: CommandStatementIngest (create, append, replace, failures) and ADBC's CREATE TABLE + INSERT. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IngestTest extends SharedServerTest {
    private static final Schema EVENTS = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("label", ArrowType.Utf8.INSTANCE)));
    private static final TableDefinitionOptions CREATE = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE,
            TableExistsOption.TABLE_EXISTS_OPTION_FAIL);
    private static final TableDefinitionOptions APPEND = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
            TableExistsOption.TABLE_EXISTS_OPTION_APPEND);
    private static final TableDefinitionOptions REPLACE = options(TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
            TableExistsOption.TABLE_EXISTS_OPTION_REPLACE);

    @Test
    void createAppendAndReplace() throws Exception {
        try (VectorSchemaRoot rows = events(0, 100)) {
            assertEquals(100, client.executeIngest(rows, ingest("events", CREATE)));
        }
        assertEquals(100, count("events"));
        try (VectorSchemaRoot rows = events(100, 50)) {
            assertEquals(50, client.executeIngest(rows, ingest("events", APPEND)));
        }
        assertEquals(150, count("events"));
        assertEquals(150L * 149 / 2, sumIds("events"));
        try (VectorSchemaRoot rows = events(1000, 7)) {
            assertEquals(7, client.executeIngest(rows, ingest("events", REPLACE)));
        }
        assertEquals(7, count("events"));
        assertTrue(Files.isDirectory(server.directory.resolve("catalog/data/main")), "written under the catalog");
    }

    @Test
    void creatingAnExistingDatasetFailsAndChangesNothing() throws Exception {
        try (VectorSchemaRoot rows = events(0, 10)) {
            client.executeIngest(rows, ingest("twice", CREATE));
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                    () -> client.executeIngest(rows, ingest("twice", CREATE)));
            assertEquals(FlightStatusCode.ALREADY_EXISTS, failure.status().code());
            assertEquals("42P07", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
        }
        assertEquals(10, count("twice"));
    }

    @Test
    void appendingColumnsOfAnotherTypeFails() throws Exception {
        try (VectorSchemaRoot rows = events(0, 10)) {
            client.executeIngest(rows, ingest("typed", CREATE));
        }
        Schema wrong = new Schema(List.of(Field.nullable("id", ArrowType.Utf8.INSTANCE)));
        try (VectorSchemaRoot rows = VectorSchemaRoot.create(wrong, server.clientAllocator())) {
            ((VarCharVector) rows.getVector(0)).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
            rows.setRowCount(1);
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                    () -> client.executeIngest(rows, ingest("typed", APPEND)));
            assertEquals("22P04", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
        }
        assertEquals(10, count("typed"));
    }

    @Test
    void anInterruptedUploadLeavesNothingVisible() throws Exception {
        CommandStatementIngest command = CommandStatementIngest.newBuilder().setTable("interrupted")
                .setTableDefinitionOptions(CREATE).build();
        try (FlightClient flight = FlightClient.builder(server.clientAllocator(), server.server.location()).build();
             VectorSchemaRoot rows = events(0, 1000)) {
            SyncPutListener ack = new SyncPutListener();
            FlightClient.ClientStreamListener upload = flight.startPut(
                    FlightDescriptor.command(Any.pack(command).toByteArray()), rows, ack);
            upload.putNext();
            upload.putNext();
            upload.error(new IllegalStateException("the client gave up"));
            assertThrows(Exception.class, ack::getResult);
        }
        assertTrue(TestServer.eventually(() -> server.server.runningStatements() == 0));
        assertFalse(server.server.engine().catalog().snapshot(DatasetName.of("interrupted")).isPresent());
        assertEquals(List.of(), staged());
    }

    @Test
    void adbcStyleCreateTableThenPreparedInsertOfBoundRows() throws Exception {
        assertEquals(0, client.executeUpdate("CREATE TABLE adbc_events (id BIGINT, label VARCHAR(20))"));
        try (FlightSqlClient.PreparedStatement insert = client.prepare("INSERT INTO adbc_events VALUES (?, ?)")) {
            assertTrue(insert.getResultSetSchema().getFields().isEmpty());
            assertEquals(2, insert.getParameterSchema().getFields().size());
            try (VectorSchemaRoot rows = events(0, 25)) {
                insert.setParameters(rows);
                assertEquals(25, insert.executeUpdate());
            }
        }
        assertEquals(25, count("adbc_events"));
        assertEquals(25L * 24 / 2, sumIds("adbc_events"));
    }

    @Test
    void sixtyFourBitValuesGoIntoAnIntColumnAsAnInsertWouldPutThem() throws Exception {
        // what ADBC's default type names do: declare INT, then bind the client's 64-bit column
        assertEquals(0, client.executeUpdate("CREATE TABLE narrow_events (id INT, label VARCHAR)"));
        try (FlightSqlClient.PreparedStatement insert = client.prepare("INSERT INTO narrow_events VALUES (?, ?)");
             VectorSchemaRoot rows = events(0, 25)) {
            insert.setParameters(rows);
            assertEquals(25, insert.executeUpdate());
        }
        assertEquals(25, count("narrow_events"));
        assertEquals(25L * 24 / 2, sumIds("narrow_events"));

        try (FlightSqlClient.PreparedStatement insert = client.prepare("INSERT INTO narrow_events VALUES (?, ?)");
             VectorSchemaRoot rows = events(Integer.MAX_VALUE - 5L, 10)) {
            insert.setParameters(rows);
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, insert::executeUpdate);
            assertEquals("22003", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY), failure::getMessage);
            assertTrue(failure.getMessage().contains("2147483648") && failure.getMessage().contains("'id'"),
                    failure::getMessage);
        }
        assertEquals(25, count("narrow_events"), "a failed insert adds no row");
        assertEquals(List.of(), staged());
    }

    @Test
    void ingestIntoTemporaryTableIsRefused() throws Exception {
        try (VectorSchemaRoot rows = events(0, 1)) {
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> client.executeIngest(rows,
                    new ExecuteIngestOptions("temp", CREATE, true, null, null, Map.of())));
            assertEquals(FlightStatusCode.UNIMPLEMENTED, failure.status().code());
        }
    }

    private static List<Path> staged() throws Exception {
        Path staging = server.directory.resolve("catalog/data/_staging");
        if (!Files.exists(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }

    private static long count(String dataset) throws Exception {
        return Results.singleLong(client, "SELECT count(*) FROM " + dataset);
    }

    private static long sumIds(String dataset) throws Exception {
        return Results.singleLong(client, "SELECT sum(id) FROM " + dataset);
    }

    private static VectorSchemaRoot events(long firstId, int count) {
        VectorSchemaRoot root = VectorSchemaRoot.create(EVENTS, server.clientAllocator());
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector label = (VarCharVector) root.getVector("label");
        for (int i = 0; i < count; i++) {
            id.setSafe(i, firstId + i);
            label.setSafe(i, ("event " + (firstId + i)).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(count);
        return root;
    }

    private static ExecuteIngestOptions ingest(String table, TableDefinitionOptions options) {
        return new ExecuteIngestOptions(table, options, null, null, Map.of());
    }

    private static TableDefinitionOptions options(TableNotExistOption ifMissing, TableExistsOption ifExists) {
        return TableDefinitionOptions.newBuilder().setIfNotExist(ifMissing).setIfExists(ifExists).build();
    }
}
