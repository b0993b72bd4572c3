package io.polaroid.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.example.FlightSqlExample;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Arrow's example Flight SQL server ({@link FlightSqlExample}, over an embedded Derby database holding
 * {@code intTable} and {@code foreignTable}) on 127.0.0.1 and a free port: a server that follows the
 * protocol but is not Polaroid's, so the remote mode is shown to rely on nothing else.
 *
 * <p>The example writes its database to {@code target/<name>} relative to Derby's home; the home is
 * put in a temporary directory so parallel builds do not share a database.
 */
final class ExampleServer implements AutoCloseable {
    static {
        try {
            Path home = Files.createTempDirectory("polaroid-derby");
            System.setProperty("derby.system.home", home.toString());
            System.setProperty("derby.stream.error.file", home.resolve("derby.log").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightSqlExample producer;
    private final FlightServer server;

    private ExampleServer(Consumer<FlightServer.Builder> customizer) throws IOException {
        // endpoints that say "reuse this connection": the example puts this location in every FlightInfo
        producer = new FlightSqlExample(Location.reuseConnection(), "example-" + UUID.randomUUID());
        FlightServer.Builder builder = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0), producer);
        customizer.accept(builder);
        server = builder.build().start();
    }

    /** An example server without authentication. */
    static ExampleServer start() throws IOException {
        return start(builder -> {
        });
    }

    /** An example server whose Flight builder {@code customizer} adjusts (authentication, say). */
    static ExampleServer start(Consumer<FlightServer.Builder> customizer) throws IOException {
        return new ExampleServer(customizer);
    }

    int port() {
        return server.getPort();
    }

    /** {@code jdbc:polaroid://127.0.0.1:<port>}. */
    String url() {
        return "jdbc:polaroid://127.0.0.1:" + port();
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown();
            server.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            server.close();
        } finally {
            try {
                producer.close();
            } catch (IllegalStateException e) {
                // The example leaks ~80 KB of its own allocator for every prepared query it streams, with
                // arrow's FlightSqlClient as much as with this driver (checked with a bare client): its
                // bug, not the client's. The driver's own memory is checked by the tests themselves.
                if (!String.valueOf(e.getMessage()).contains("Memory was leaked")) {
                    throw e;
                }
            } finally {
                allocator.close();
            }
        }
    }
}
