package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting and stopping: a busy port, and a server stopped while a query streams. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerLifecycleTest {

    @Test
    void closingWithARunningQueryEndsItAsALostConnectionAndFreesEverything() throws Exception {
        TestServer server = new TestServer();
        FlightSqlClient client = server.client();
        try {
            FlightInfo info = client.execute(CancellationTest.ENDLESS);
            try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                long start = System.nanoTime();
                server.server.close();  // the reader stopped reading: the query cannot finish in the grace period
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "close is bounded");
                FlightRuntimeException failure = assertThrows(FlightRuntimeException.class, () -> {
                    while (stream.next()) {
                        // drain what was sent before the end
                    }
                });
                assertTrue(failure.status().code() == FlightStatusCode.UNAVAILABLE
                        || failure.status().code() == FlightStatusCode.CANCELLED, failure.toString());
                if (failure.status().metadata() != null
                        && failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY) != null) {
                    assertEquals("08006", failure.status().metadata().get(RemoteErrors.SQLSTATE_KEY));
                }
            } catch (FlightRuntimeException closing) {
                // closing the stream of a server that is gone may fail too
            }
            assertEquals(0, server.engineMemory(), "every byte of the engine released");
        } finally {
            client.close();
            server.close();
        }
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingOpen() throws Exception {
        try (TestServer first = new TestServer();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(taken.getLocalPort())
                    .catalogDirectory(first.directory.resolve("second-catalog")).build();
            PolaroidException failure = assertThrows(PolaroidException.class,
                    () -> PolaroidFlightServer.builder(config).start());
            assertEquals(ErrorCode.CONNECTION_FAILURE, failure.code());
            assertTrue(failure.getMessage().contains(String.valueOf(taken.getLocalPort())), failure.getMessage());
            // the catalog directory was released: a server on a free port opens it
            ServerConfig retry = ServerConfig.builder().host("127.0.0.1").port(0)
                    .catalogDirectory(first.directory.resolve("second-catalog")).build();
            try (PolaroidFlightServer second = PolaroidFlightServer.builder(retry).start()) {
                assertTrue(second.port() > 0);
                assertEquals("jdbc:polaroid://127.0.0.1:" + second.port(), second.jdbcUrl());
            }
        }
    }

    @Test
    void closeIsIdempotent() {
        TestServer server = new TestServer();
        server.server.close();
        server.close();
    }
}
