package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.flight.OptionText;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.hooks.QueryRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hooks (authorizer, admission, listener), concurrent clients, and per-session state. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HooksAndConcurrencyTest {
    private static final AtomicInteger ADMITTED = new AtomicInteger();
    private static final AtomicInteger RELEASED = new AtomicInteger();
    private static final List<QueryRecord> RECORDS = new CopyOnWriteArrayList<>();

    private static TestServer server;
    private static FlightSqlClient client;

    @BeforeAll
    static void start() {
        server = new TestServer(builder -> builder
                .authorizer((identity, operation, target) -> {
                    if (operation == Operation.COMMAND && target.contains("forbidden")) {
                        throw new PolaroidException(ErrorCode.INSUFFICIENT_PRIVILEGE, "not allowed: " + target);
                    }
                })
                .admission((identity, statement) -> {
                    ADMITTED.incrementAndGet();
                    return RELEASED::incrementAndGet;
                })
                .listener(RECORDS::add));
        client = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        ADMITTED.set(0);
        RELEASED.set(0);
        RECORDS.clear();
    }

    @Test
    void everyStatementIsAdmittedReleasedAndReported() throws Exception {
        assertEquals(TestServer.NUMBERS, Results.singleLong(client, "SELECT count(*) FROM numbers"));
        client.executeUpdate("CREATE SCHEMA IF NOT EXISTS hooks");
        assertTrue(TestServer.eventually(() -> RECORDS.size() == 2));
        assertEquals(2, ADMITTED.get());
        assertEquals(2, RELEASED.get());
        QueryRecord query = RECORDS.get(0);
        assertEquals(Operation.QUERY, query.operation());
        assertEquals(QueryRecord.Outcome.SUCCEEDED, query.outcome());
        assertEquals(1, query.rows());
        assertEquals(Operation.COMMAND, RECORDS.get(1).operation());
    }

    @Test
    void planningNeedsNoAdmission() {
        client.execute("SELECT * FROM numbers");
        assertEquals(0, ADMITTED.get());
    }

    @Test
    void theAuthorizerRefusesWithPermissionDenied() {
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                () -> client.executeUpdate("CREATE SCHEMA forbidden"));
        assertEquals(FlightStatusCode.UNAUTHORIZED, failure.status().code());
        assertEquals("42501", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
        assertTrue(!server.server.engine().catalog().schemaExists("forbidden"));
    }

    @Test
    void twoClientsStreamAtTheSameTime() throws Exception {
        try (FlightSqlClient other = server.client()) {
            FlightInfo first = client.execute("SELECT id FROM numbers");
            FlightInfo second = other.execute("SELECT id FROM numbers WHERE id < 50000");
            try (FlightStream a = client.getStream(first.getEndpoints().get(0).getTicket());
                 FlightStream b = other.getStream(second.getEndpoints().get(0).getTicket())) {
                assertTrue(a.next());
                long rowsA = a.getRoot().getRowCount();
                long rowsB = 0;
                while (b.next()) {
                    rowsB += b.getRoot().getRowCount();
                }
                while (a.next()) {
                    rowsA += a.getRoot().getRowCount();
                }
                assertEquals(TestServer.NUMBERS, rowsA);
                assertEquals(50_000, rowsB);
            }
        }
    }

    @Test
    void sessionOptionsSetTheCurrentSchemaOfThatSessionOnly() throws Exception {
        client.executeUpdate("CREATE SCHEMA IF NOT EXISTS elsewhere");
        client.executeUpdate("CREATE DATASET IF NOT EXISTS elsewhere.only_here FROM '"
                + server.directory.resolve("data/numbers.parquet") + "'");
        try (FlightSqlClient session = server.client()) {
            SetSessionOptionsResult result = session.setSessionOptions(new SetSessionOptionsRequest(Map.of(
                    "schema", SessionOptionValueFactory.makeSessionOptionValue("elsewhere"),
                    "color", SessionOptionValueFactory.makeSessionOptionValue("blue"))));
            assertEquals(java.util.Set.of("color"), result.getErrors().keySet());
            assertEquals(TestServer.NUMBERS, Results.singleLong(session, "SELECT count(*) FROM only_here"));
            assertEquals("elsewhere", OptionText.of(session.getSessionOptions(new GetSessionOptionsRequest())
                    .getSessionOptions().get("schema")).orElseThrow());
            // another session still resolves names in main
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                    () -> client.execute("SELECT count(*) FROM only_here"));
            assertEquals(FlightStatusCode.NOT_FOUND, failure.status().code());
            session.closeSession(new org.apache.arrow.flight.CloseSessionRequest());
        }
    }

    @Test
    void aQueryOverItsMemoryLimitIsResourceExhausted() throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0)
                .catalogDirectory(server.directory.resolve("limited-catalog"))
                .dataset(new DatasetBinding(io.polaroid.catalog.DatasetName.of("numbers"),
                        server.directory.resolve("data/numbers.parquet").toString()))
                .queryMemoryLimitBytes(256 * 1024)
                .build();
        try (PolaroidFlightServer limited = PolaroidFlightServer.builder(config).start();
             FlightSqlClient small = new FlightSqlClient(org.apache.arrow.flight.FlightClient.builder(
                     server.clientAllocator(), limited.location()).build())) {
            FlightInfo info = small.execute("SELECT name, id FROM numbers ORDER BY name DESC");
            FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                    () -> Results.rowCount(small, info));
            assertEquals(FlightStatusCode.RESOURCE_EXHAUSTED, failure.status().code(), failure.toString());
            assertEquals("53200", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
            assertTrue(TestServer.eventually(() -> limited.runningStatements() == 0));
            // the server is fine afterwards
            assertEquals(3, Results.singleLong(small, "SELECT count(*) FROM numbers WHERE id < 3"));
        }
    }
}
