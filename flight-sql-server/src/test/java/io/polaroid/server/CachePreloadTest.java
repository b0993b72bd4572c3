package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.DatasetName;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A restarted server loads its in-memory datasets before their first query asks for them. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CachePreloadTest {

    @Test
    void memoryDatasetsAreLoadedAtStartWithoutAQuery() throws Exception {
        Path catalog;
        Path numbers;
        try (TestServer first = new TestServer(); FlightSqlClient client = first.client()) {
            catalog = first.directory.resolve("catalog");
            numbers = first.directory.resolve("data/numbers.parquet");
            client.executeUpdate("CREATE DATASET hot FROM '" + numbers + "' WITH (cache = 'memory')");
        }

        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).catalogDirectory(catalog)
                .shutdownGrace(Duration.ofSeconds(2)).build();
        try (PolaroidFlightServer restarted = PolaroidFlightServer.builder(config).start()) {
            // no client has connected: only the preload can have put rows into memory
            assertTrue(TestServer.eventually(() -> restarted.engine().rootAllocator().getAllocatedMemory() > 0),
                    "the dataset's rows were loaded");
            assertEquals(TestServer.NUMBERS, restarted.engine().catalog().snapshot(DatasetName.of("hot"))
                    .orElseThrow().rowCount());
        }
    }
}
