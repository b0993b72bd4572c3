package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several threads scanning while another refreshes: every scan sees exactly one snapshot, nothing leaks. */
class CatalogConcurrencyTest extends CatalogTestBase {
    private static final int ROWS_PER_FILE = 3000;
    private static final int REFRESHES = 8;
    private static final int READERS = 3;

    private void writeFile(int index) {
        write("d/part-" + String.format("%03d", index) + ".parquet", "SELECT i AS id, " + index + " AS file FROM range("
                + index * ROWS_PER_FILE + ", " + (index + 1) * ROWS_PER_FILE + ") t(i)", 2048);
    }

    @Test
    void scansRunningDuringRefreshesSeeConsistentSnapshots() throws Exception {
        writeFile(0);
        writeFile(1);
        Catalog catalog = memoryCatalog();
        catalog.createDataset(name("cached"), "d", CacheMode.MEMORY, false);
        catalog.createDataset(name("files"), "d", CacheMode.NONE, false);

        AtomicBoolean writerDone = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger scans = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<?>> readers = new ArrayList<>();
        try {
            for (int r = 0; r < READERS; r++) {
                String dataset = r % 2 == 0 ? "cached" : "files";
                readers.add(pool.submit(() -> {
                    // Bounded: stop when the writer is done, or after many scans if it got stuck.
                    for (int i = 0; i < 10_000 && (!writerDone.get() || i < 3); i++) {
                        try {
                            scanOnce(catalog, dataset);
                            scans.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add(t);
                            return;
                        }
                    }
                }));
            }
            for (int i = 2; i < 2 + REFRESHES; i++) {
                writeFile(i);
                catalog.refreshDataset(name("cached"));
                catalog.refreshDataset(name("files"));
            }
            assertTrue(scans.get() > 0, "readers scanned while the writer refreshed");
            writerDone.set(true);
            for (Future<?> reader : readers) {
                reader.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writerDone.set(true);
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a reader failed", failures.peek());
        }
        assertTrue(scans.get() >= READERS * 3, "scans ran: " + scans.get());
        assertEquals((2 + REFRESHES) * ROWS_PER_FILE, catalog.snapshot(name("cached")).orElseThrow().rowCount());
        assertEquals(0, queryAllocator.getAllocatedMemory());
    }

    /** One scan: its rows are exactly the files of the snapshot it planned on, each row once. */
    private void scanOnce(Catalog catalog, String dataset) {
        DatasetSnapshot snapshot = catalog.snapshot(name(dataset)).orElseThrow();
        List<List<Object>> rows = ScanResults.scan(snapshot, queryAllocator, List.of("id", "file"));
        assertEquals(snapshot.rowCount(), rows.size(), dataset + " v" + snapshot.version());
        Set<Long> ids = new HashSet<>();
        Set<Integer> files = new HashSet<>();
        for (List<Object> row : rows) {
            long id = (Long) row.get(0);
            int file = (Integer) row.get(1);
            assertEquals(file, id / ROWS_PER_FILE, "row from the right file");
            assertTrue(ids.add(id), "each row once");
            files.add(file);
        }
        assertEquals(snapshot.files().size(), files.size());
    }
}
