package io.polaroid.server;

import io.polaroid.catalog.DatasetName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A server for one test class: a catalog directory in a temporary directory, dataset {@code numbers}
 * ({@link NumbersData}, {@value #NUMBERS} rows) registered at start, listening on 127.0.0.1 with a free
 * port; and Flight SQL clients that keep the session cookie, as JDBC drivers do. Closing it closes the
 * clients, then the server, then checks that every Arrow allocator of the test is back to zero.
 */
final class TestServer implements AutoCloseable {
    static final long NUMBERS = 100_000;

    final Path directory;
    final PolaroidFlightServer server;
    private final BufferAllocator clientAllocator = new RootAllocator();

    TestServer(UnaryOperator<PolaroidFlightServer.Builder> hooks) {
        try {
            directory = Files.createTempDirectory("polaroid-server-test");
            Path data = Files.createDirectories(directory.resolve("data"));
            NumbersData.write(data.resolve("numbers.parquet"), NUMBERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .catalogDirectory(directory.resolve("catalog"))
                .dataset(new DatasetBinding(DatasetName.of("numbers"), directory.resolve("data/numbers.parquet").toString()))
                .shutdownGrace(java.time.Duration.ofSeconds(2))
                .build();
        server = hooks.apply(PolaroidFlightServer.builder(config)).start();
    }

    TestServer() {
        this(UnaryOperator.identity());
    }

    /** A new client keeping its session cookie; the caller closes it. */
    FlightSqlClient client() {
        FlightClient flight = FlightClient.builder(clientAllocator, server.location())
                .intercept(new ClientCookieMiddleware.Factory())
                .build();
        return new FlightSqlClient(flight);
    }

    /** A client without cookies: every call may land in a new session. */
    FlightSqlClient clientWithoutCookies() {
        return new FlightSqlClient(FlightClient.builder(clientAllocator, server.location()).build());
    }

    BufferAllocator clientAllocator() {
        return clientAllocator;
    }

    /** Memory the engine holds now, caches and the server's streams included. */
    long engineMemory() {
        return server.engine().rootAllocator().getAllocatedMemory();
    }

    /**
     * Waits (bounded, 10 s) until {@code condition} holds: memory is released when gRPC has finished with a
     * cancelled stream, on its own threads, a moment after the client saw the end.
     */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        server.close();
        clientAllocator.close();
    }
}
