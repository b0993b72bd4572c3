package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.ColumnMetadata;
import io.polaroid.engine.api.RemoteErrors;
import java.util.List;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ad-hoc queries and updates, prepared statements and errors through arrow-java's FlightSqlClient. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatementQueryTest extends SharedServerTest {
    @Test
    void queryStreamsInSeveralBatchesWithTheSchemaOfTheInfo() throws Exception {
        FlightInfo info = client.execute("SELECT id, grp, name FROM numbers");
        assertEquals(1, info.getEndpoints().size());
        FlightEndpoint endpoint = info.getEndpoints().get(0);
        assertTrue(endpoint.getLocations().isEmpty(), "the client must reuse its channel");
        assertEquals(List.of("id", "grp", "name"), info.getSchema().getFields().stream().map(Field::getName).toList());
        assertEquals("BIGINT", info.getSchema().getFields().get(0).getMetadata().get(ColumnMetadata.TYPE_NAME));
        assertEquals("numbers", info.getSchema().getFields().get(0).getMetadata().get(ColumnMetadata.TABLE_NAME));

        long rows = 0;
        long idSum = 0;
        int batches = 0;
        try (FlightStream stream = client.getStream(endpoint.getTicket())) {
            assertEquals(info.getSchema().getFields(), stream.getSchema().getFields());
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                BigIntVector id = (BigIntVector) root.getVector("id");
                for (int i = 0; i < root.getRowCount(); i++) {
                    idSum += id.get(i);
                }
                rows += root.getRowCount();
                batches++;
            }
        }
        assertEquals(TestServer.NUMBERS, rows);
        assertEquals(TestServer.NUMBERS * (TestServer.NUMBERS - 1) / 2, idSum);
        assertTrue(batches > 1, "rows come in several batches, as the engine makes them: " + batches);
    }

    @Test
    void resultsHaveNoViewTypes() throws Exception {
        FlightInfo info = client.execute("SELECT name, upper(name) AS u FROM numbers WHERE id < 3");
        for (Field field : info.getSchema().getFields()) {
            assertEquals(ArrowType.Utf8.INSTANCE, field.getType(), field.getName());
        }
        assertEquals(List.of("n0", "n1", "n2"), Results.strings(client, info, "name"));
    }

    @Test
    void aTicketIsReadOnce() throws Exception {
        FlightInfo info = client.execute("SELECT 1 AS one");
        assertEquals(1, Results.rowCount(client, info));
        FlightRuntimeException again = assertThrows(FlightRuntimeException.class, () -> Results.rowCount(client, info));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, again.status().code());
    }

    @Test
    void getSchemaOfAStatementRunsNothing() {
        Schema schema = client.getExecuteSchema("SELECT id, name FROM numbers").getSchema();
        assertEquals(List.of("id", "name"), schema.getFields().stream().map(Field::getName).toList());
    }

    @Test
    void preparedQueryWithParameters() throws Exception {
        try (FlightSqlClient.PreparedStatement prepared =
                     client.prepare("SELECT count(*) AS n FROM numbers WHERE id < ? AND grp = ?")) {
            assertEquals(1, prepared.getResultSetSchema().getFields().size());
            assertEquals(2, prepared.getParameterSchema().getFields().size());
            for (long limit : new long[] {100, 1000}) {
                try (VectorSchemaRoot parameters = VectorSchemaRoot.create(prepared.getParameterSchema(),
                        server.clientAllocator())) {
                    setNumber(parameters, 0, limit);
                    setNumber(parameters, 1, 3);
                    parameters.setRowCount(1);
                    prepared.setParameters(parameters);
                    FlightInfo info = prepared.execute();
                    assertEquals(expectedGroupCount(limit, 3), Results.singleLong(client, info));
                }
            }
        }
    }

    @Test
    void preparedDdlHasAnEmptyDatasetSchemaAndRunsAsAnUpdate() {
        try (FlightSqlClient.PreparedStatement prepared = client.prepare("CREATE SCHEMA IF NOT EXISTS prepared_ddl")) {
            assertTrue(prepared.getResultSetSchema().getFields().isEmpty(), "an update has no result columns");
            prepared.executeUpdate();
        }
        assertTrue(server.server.engine().catalog().schemaExists("prepared_ddl"));
    }

    @Test
    void ddlThroughStatementUpdate() throws Exception {
        client.executeUpdate("CREATE SCHEMA update_ddl");
        assertTrue(server.server.engine().catalog().schemaExists("update_ddl"));
        client.executeUpdate("CREATE DATASET update_ddl.copy FROM '" + server.directory.resolve("data/numbers.parquet") + "'");
        FlightInfo info = client.execute("SELECT count(*) FROM update_ddl.copy");
        assertEquals(TestServer.NUMBERS, Results.singleLong(client, info));
    }

    @Test
    void badSqlIsInvalidArgumentWithItsSqlState() {
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                () -> client.execute("SELEC 1"));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, failure.status().code());
        assertEquals("42601", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
    }

    @Test
    void unknownTableIsNotFound() {
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                () -> client.execute("SELECT * FROM no_such_table"));
        assertEquals(FlightStatusCode.NOT_FOUND, failure.status().code());
        assertEquals("42P01", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
        assertTrue(failure.getMessage().contains("no_such_table"), failure.getMessage());
    }

    @Test
    void aQueryCannotRunAsAnUpdate() {
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                () -> client.executeUpdate("SELECT 1"));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, failure.status().code());
    }

    @Test
    void unknownPreparedHandleIsRefused() {
        FlightSqlClient other = server.clientWithoutCookies();
        try (FlightSqlClient.PreparedStatement prepared = client.prepare("SELECT 1")) {
            assertNotEquals(null, prepared.getResultSetSchema());
        }
        assertFalse(server.server.openSessions() == 0);
        assertThrows(FlightRuntimeException.class, () -> other.execute("SELECT * FROM nowhere"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static long expectedGroupCount(long limit, int group) {
        long count = 0;
        for (long id = 0; id < limit; id++) {
            if (id % 7 != 0 && id % 10 == group) {
                count++;
            }
        }
        return count;
    }

    private static void setNumber(VectorSchemaRoot parameters, int index, long value) {
        var vector = parameters.getVector(index);
        if (vector instanceof BigIntVector) {
            ((BigIntVector) vector).setSafe(0, value);
        } else {
            ((IntVector) vector).setSafe(0, (int) value);
        }
    }
}
