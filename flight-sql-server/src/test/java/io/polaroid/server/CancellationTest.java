package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.RemoteErrors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries that stop early: cancelled by CancelFlightInfo before or while they stream, or abandoned by a
 * client that closes its stream. Each must free the query's memory at once, which the engine's allocator
 * shows.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancellationTest extends SharedServerTest {
    /** Ten billion rows: no test reads it to the end. */
    static final String ENDLESS = "SELECT a.id, a.name, b.id AS other FROM numbers a CROSS JOIN numbers b";

    @Test
    void aClientThatClosesItsStreamMidwayFreesTheQuerysMemory() throws Exception {
        long baseline = server.engineMemory();
        FlightInfo info = client.execute(ENDLESS);
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertTrue(stream.next());
            assertTrue(stream.next());
            assertTrue(server.server.runningStatements() == 1);
        }
        assertTrue(TestServer.eventually(() -> server.server.runningStatements() == 0), "the query must stop");
        assertTrue(TestServer.eventually(() -> server.engineMemory() == baseline),
                "memory back to " + baseline + ", is " + server.engineMemory());
    }

    @Test
    void cancellingAStreamingQueryEndsItsStreamWithCancelled() throws Exception {
        FlightInfo info = client.execute(ENDLESS);
        CountDownLatch firstBatch = new CountDownLatch(1);
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                while (stream.next()) {
                    firstBatch.countDown();
                }
                return null;
            } catch (Throwable failure) {
                return failure;
            }
        });
        assertTrue(firstBatch.await(30, TimeUnit.SECONDS));
        assertEquals(CancelStatus.CANCELLING, client.cancelFlightInfo(new CancelFlightInfoRequest(info)).getStatus());
        Throwable failure = reader.get(30, TimeUnit.SECONDS);
        assertTrue(failure instanceof FlightRuntimeException, String.valueOf(failure));
        assertEquals(FlightStatusCode.CANCELLED, ((FlightRuntimeException) failure).status().code());
        assertTrue(TestServer.eventually(() -> server.server.runningStatements() == 0));
        // finished now: nothing left to cancel
        assertEquals(CancelStatus.NOT_CANCELLABLE, client.cancelFlightInfo(new CancelFlightInfoRequest(info)).getStatus());
    }

    @Test
    void aQueryCancelledBeforeItIsReadNeverRuns() {
        FlightInfo info = client.execute("SELECT count(*) FROM numbers");
        assertEquals(CancelStatus.CANCELLED, client.cancelFlightInfo(new CancelFlightInfoRequest(info)).getStatus());
        FlightRuntimeException failure = assertThrows(FlightRuntimeException.class,
                () -> Results.rowCount(client, info));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, failure.status().code());
        assertEquals("42000", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
    }

    @Test
    void legacyCancelQueryActionWorksToo() {
        FlightInfo info = client.execute("SELECT 1");
        @SuppressWarnings("deprecation")
        org.apache.arrow.flight.sql.CancelResult result = client.cancelQuery(info);
        assertEquals(org.apache.arrow.flight.sql.CancelResult.CANCELLED, result);
    }

    @Test
    void anotherClientCannotCancelOrReadMyQuery() {
        FlightInfo info = client.execute("SELECT 1 AS x");
        try (FlightSqlClient stranger = server.clientWithoutCookies()) {
            // same identity (no authentication), so the ticket is usable by anyone holding it: handles are
            // unguessable; what must not happen is a second read
            assertEquals(1, Results.rowCount(client, info));
            assertEquals(CancelStatus.NOT_CANCELLABLE, stranger.cancelFlightInfo(new CancelFlightInfoRequest(info)).getStatus());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
