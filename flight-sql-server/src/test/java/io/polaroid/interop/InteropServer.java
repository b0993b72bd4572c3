package io.polaroid.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.catalog.DatasetName;
import io.polaroid.server.DatasetBinding;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The server third-party clients talk to in these tests: a fresh catalog in a temporary directory, dataset
 * {@code items} ({@link ItemsData}) registered at start, listening on 127.0.0.1 on a free port, no
 * authentication (loopback). {@link #assertQuiet(long)} checks what every test must leave behind: no
 * running statement and the engine's Arrow memory back where it was.
 */
final class InteropServer implements AutoCloseable {
    final Path directory;
    final PolaroidFlightServer server;

    InteropServer() {
        try {
            directory = Files.createTempDirectory("polaroid-interop");
            Files.createDirectories(directory.resolve("data"));
            ItemsData.write(directory.resolve("data/items.parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .catalogDirectory(directory.resolve("catalog"))
                .dataset(new DatasetBinding(DatasetName.of("items"), itemsFile().toString()))
                .shutdownGrace(Duration.ofSeconds(2))
                .build();
        server = PolaroidFlightServer.builder(config).start();
    }

    Path itemsFile() {
        return directory.resolve("data/items.parquet");
    }

    /** {@code grpc+tcp://127.0.0.1:PORT}, what ADBC and FlightClient take. */
    String grpcUri() {
        return "grpc+tcp://127.0.0.1:" + server.port();
    }

    /** Arrow memory the engine holds now: caches, running queries and the server's streams. */
    long engineMemory() {
        return server.engine().rootAllocator().getAllocatedMemory();
    }

    /**
     * Asserts that nothing runs any more and that the engine's memory is back to {@code baseline}. gRPC
     * finishes a stream on its own threads a moment after the client saw its end, so this waits (at most
     * 10 s) for it.
     */
    void assertQuiet(long baseline) throws InterruptedException {
        waitUntil(() -> server.runningStatements() == 0 && engineMemory() == baseline);
        assertEquals(0, server.runningStatements(), "statements still running");
        assertEquals(baseline, engineMemory(), "the server's Arrow memory is back to where the test started");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
