package io.polaroid.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.DatasetName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcDriver;
import org.apache.arrow.adbc.core.AdbcException;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.core.BulkIngestMode;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.adbc.sql.SqlQuirks;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ADBC's Java Flight SQL driver against the server: queries ({@code CommandStatementQuery}) and bulk ingest,
 * which this driver does its own way: {@code CREATE TABLE} from the batch's schema, then a prepared
 * {@code INSERT} with the rows bound as parameters. The type names of that {@code CREATE TABLE} come from
 * the driver's {@link SqlQuirks}: ADBC's defaults know only {@code INT} (for every integer width) and
 * {@code CLOB}; an application that ingests into a particular database passes that database's names,
 * as {@link #POLAROID_TYPE_NAMES} does. Both configurations are tested.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AdbcFlightSqlTest {
    /** Polaroid's names for the Arrow types of {@link EventBatches}, as an ADBC user configures them. */
    private static final SqlQuirks POLAROID_TYPE_NAMES = SqlQuirks.builder().arrowToSqlTypeNameMapping(type -> {
        if (type instanceof ArrowType.Int integer) {
            return integer.getBitWidth() == 64 ? "BIGINT" : "INTEGER";
        } else if (type instanceof ArrowType.Utf8) {
            return "VARCHAR";
        } else if (type instanceof ArrowType.Timestamp timestamp && timestamp.getTimezone() == null) {
            return "TIMESTAMP";
        }
        return null; // ADBC reports the type as not implemented
    }).build();

    private static InteropServer server;
    private static BufferAllocator allocator;
    /** Configured with {@link #POLAROID_TYPE_NAMES}. */
    private static AdbcDatabase database;
    private static AdbcConnection connection;
    /** With ADBC's default type names. */
    private static AdbcDatabase defaultsDatabase;
    private static AdbcConnection defaults;
    private long baseline;

    @BeforeAll
    static void start() throws AdbcException {
        server = new InteropServer();
        allocator = new RootAllocator();
        Map<String, Object> parameters = new HashMap<>();
        AdbcDriver.PARAM_URI.set(parameters, server.grpcUri());
        defaultsDatabase = new FlightSqlDriver(allocator).open(new HashMap<>(parameters));
        defaults = defaultsDatabase.connect();
        parameters.put(AdbcDriver.PARAM_SQL_QUIRKS, POLAROID_TYPE_NAMES);
        database = new FlightSqlDriver(allocator).open(parameters);
        connection = database.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            connection.close();
            database.close();
            defaults.close();
            defaultsDatabase.close();
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

    @Test
    void queriesStreamEveryRow() throws Exception {
        try (AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery("SELECT id, name FROM items WHERE qty IS NOT NULL");
            long rows = 0;
            long idSum = 0;
            try (AdbcStatement.QueryResult result = statement.executeQuery()) {
                ArrowReader reader = result.getReader();
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    BigIntVector id = (BigIntVector) root.getVector("id");
                    VarCharVector name = (VarCharVector) root.getVector("name");
                    for (int i = 0; i < root.getRowCount(); i++) {
                        assertEquals(ItemsData.name(id.get(i)), name.getObject(i).toString());
                        idSum += id.get(i);
                    }
                    rows += root.getRowCount();
                }
            }
            long expectedSum = 0;
            for (long id = 0; id < ItemsData.ROWS; id++) {
                expectedSum += ItemsData.qty(id) == null ? 0 : id;
            }
            assertEquals(ItemsData.ROWS * 4 / 5, rows);
            assertEquals(expectedSum, idSum);
        }
    }

    @Test
    void badSqlFailsWithTheServersMessage() throws Exception {
        try (AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery("SELECT * FROM nowhere");
            AdbcException failure = assertThrows(AdbcException.class, () -> statement.executeQuery().close());
            assertTrue(failure.getMessage().contains("nowhere"), failure.getMessage());
        }
    }

    @Test
    void bulkIngestCreatesThenAppends() throws Exception {
        try (VectorSchemaRoot first = EventBatches.root(allocator, 0, 300);
             AdbcStatement create = connection.bulkIngest("adbc_events", BulkIngestMode.CREATE)) {
            create.bind(first);
            assertEquals(300, create.executeUpdate().getAffectedRows());
        }
        try (VectorSchemaRoot more = EventBatches.root(allocator, 300, 50);
             AdbcStatement append = connection.bulkIngest("adbc_events", BulkIngestMode.APPEND)) {
            append.bind(more);
            assertEquals(50, append.executeUpdate().getAffectedRows());
        }
        assertEquals(List.of(350L, EventBatches.total(0, 350)), countAndSum("adbc_events"));
    }

    @Test
    void bulkIngestWithAdbcsDefaultTypeNames() throws Exception {
        // CREATE TABLE adbc_plain (id INT, label CLOB), then an INSERT binding BIGINT values that fit in INT:
        // SQL's assignment rules take them, as any database does for INSERT INTO t VALUES (CAST(? AS BIGINT))
        try (VectorSchemaRoot rows = EventBatches.root(allocator, 0, 40);
             AdbcStatement create = defaults.bulkIngest("adbc_plain", BulkIngestMode.CREATE)) {
            create.bind(idAndLabel(rows));
            assertEquals(40, create.executeUpdate().getAffectedRows());
        }
        assertEquals(List.of(40L, EventBatches.total(0, 40)), countAndSum("adbc_plain"));
    }

    @Test
    void bulkIngestCreateOfAnExistingDatasetFailsAndKeepsIt() throws Exception {
        try (VectorSchemaRoot rows = EventBatches.root(allocator, 0, 10)) {
            try (AdbcStatement create = connection.bulkIngest("adbc_twice", BulkIngestMode.CREATE)) {
                create.bind(rows);
                create.executeUpdate();
            }
            try (AdbcStatement again = connection.bulkIngest("adbc_twice", BulkIngestMode.CREATE)) {
                again.bind(rows);
                AdbcException failure = assertThrows(AdbcException.class, again::executeUpdate);
                assertTrue(failure.getMessage().contains("adbc_twice"), failure.getMessage());
            }
            try (AdbcStatement append = connection.bulkIngest("adbc_nowhere", BulkIngestMode.APPEND)) {
                append.bind(rows);
                assertThrows(AdbcException.class, append::executeUpdate);
            }
        }
        assertEquals(List.of(10L, EventBatches.total(0, 10)), countAndSum("adbc_twice"));
        assertFalse(server.server.engine().catalog().snapshot(DatasetName.of("adbc_nowhere")).isPresent());
    }

    /**
     * {@code (id, label)} of {@link EventBatches}: with its default type names ADBC cannot write a CREATE
     * TABLE for a timestamp column (it fails on the client, NOT_IMPLEMENTED). Shares the vectors of {@code rows}.
     */
    private static VectorSchemaRoot idAndLabel(VectorSchemaRoot rows) {
        return new VectorSchemaRoot(List.of(rows.getVector("id"), rows.getVector("label")));
    }

    /** {@code [count(*), sum(id)]} of {@code dataset}. */
    private static List<Long> countAndSum(String dataset) throws Exception {
        try (AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery("SELECT count(*) AS n, sum(id) AS s FROM " + dataset);
            try (AdbcStatement.QueryResult result = statement.executeQuery()) {
                ArrowReader reader = result.getReader();
                assertTrue(reader.loadNextBatch());
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                return List.of(((Number) root.getVector("n").getObject(0)).longValue(),
                        ((Number) root.getVector("s").getObject(0)).longValue());
            }
        }
    }
}
