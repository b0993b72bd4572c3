package io.polaroid.server;

import org.apache.arrow.flight.sql.FlightSqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests that share one {@link TestServer} and one cookie-keeping client for the whole class. Subclasses
 * may add a {@code @BeforeAll} of their own: JUnit runs this one first.
 */
abstract class SharedServerTest {
    static TestServer server;
    static FlightSqlClient client;

    @BeforeAll
    static void startServer() {
        server = new TestServer();
        client = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        server.close();
    }
}
