package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** cache = 'memory': loaded once, shared without copies, freed exactly when the last user lets go. */
class MemoryCacheTest extends CatalogTestBase {

    private static String rows(int from, int to) {
        return "SELECT i AS id, 'sym' || (i % 7) AS symbol, CAST(i AS DOUBLE) / 4 AS price FROM range(" + from + ", " + to
                + ") t(i)";
    }

    private static ScanRequest all(String... columns) {
        return new ScanRequest(List.of(columns), List.of(), 1000);
    }

    /** The first batch's first column of the first split. */
    private FieldVector firstVector(ScanPlan plan) {
        try (BatchSource source = plan.splits().get(0).open(queryAllocator)) {
            return source.next().column(0);
        }
    }

    private static long cached(DatasetSnapshot snapshot) {
        return ((Snapshot) snapshot).cachedBytes();
    }

    @Test
    void aCachedDatasetIsSharedByEveryScanWithoutCopies() {
        write("d/a.parquet", rows(0, 3000));
        write("d/b.parquet", rows(3000, 5000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot cachedSnapshot = catalog.createDataset(name("cached"), "d", CacheMode.MEMORY, false);
        DatasetSnapshot files = catalog.createDataset(name("files"), "d", CacheMode.NONE, false);
        long cachedBytes = cacheAllocator.getAllocatedMemory();
        assertTrue(cachedBytes > 5000 * 8, "loaded eagerly on CREATE: " + cachedBytes);
        assertEquals(cachedBytes, cached(cachedSnapshot));
        assertTrue(progress.stream().anyMatch(p -> p.phase() == CatalogProgress.Phase.LOADING_CACHE
                && p.completed() == 5000 && p.total() == 5000));

        try (ScanPlan first = cachedSnapshot.planScan(all("id", "symbol", "price"));
             ScanPlan second = cachedSnapshot.planScan(all("price", "id"))) {
            assertTrue(first.metrics().cached());
            assertSame(firstVector(first), firstVectorAndClose(cachedSnapshot.planScan(all("id"))),
                    "every scan gets the cached vectors themselves");
            List<List<Object>> fromMemory = ScanResults.rows(first, queryAllocator);
            assertEquals(0, queryAllocator.getAllocatedMemory(), "reading cached data allocates nothing");
            List<List<Object>> fromFiles = ScanResults.scan(files, queryAllocator, List.of("id", "symbol", "price"));
            assertEquals(new HashSet<>(fromFiles), new HashSet<>(fromMemory));
            assertEquals(5000, fromMemory.size());
            assertEquals(5000, ScanResults.rows(second, queryAllocator).size());
        }
        assertEquals(cachedBytes, cacheAllocator.getAllocatedMemory(), "scans do not change the cache");
        catalog.close();
        assertEquals(0, cacheAllocator.getAllocatedMemory(), "closing the catalog frees every cached byte");
    }

    private FieldVector firstVectorAndClose(ScanPlan plan) {
        try (plan) {
            return firstVector(plan);
        }
    }

    @Test
    void cachedScansArePrunedLikeFileScans() {
        write("d/a.parquet", rows(0, 10000), 2048);
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("d"), "d", CacheMode.MEMORY, false);
        try (ScanPlan plan = snapshot.planScan(new ScanRequest(List.of("id"), List.of(
                ColumnPredicate.compare("id", ColumnPredicate.Operator.LT, 2000L)), 1000))) {
            assertEquals(new ScanMetrics(1, 0, 5, 4, true), plan.metrics());
            assertEquals(2048, ScanResults.rows(plan, queryAllocator).size());
        }
    }

    @Test
    void theOldSnapshotIsFreedWhenItsLastScanCloses() throws IOException {
        Path file = write("d/a.parquet", rows(0, 4000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot old = catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        long oldBytes = cacheAllocator.getAllocatedMemory();

        ScanPlan running = old.planScan(all("id"));
        BatchSource openSource = running.splits().get(0).open(queryAllocator);
        write("d/a.parquet", rows(10_000, 12_000));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        DatasetSnapshot current = catalog.refreshDataset(name("d"));
        long newBytes = cached(current);
        assertEquals(oldBytes + newBytes, cacheAllocator.getAllocatedMemory(), "both snapshots are in memory");

        List<List<Object>> oldRows = ScanResults.rows(running, queryAllocator);
        assertEquals(4000, oldRows.size(), "the running scan still reads the old rows from memory");
        running.close();
        assertEquals(oldBytes + newBytes, cacheAllocator.getAllocatedMemory(), "an open source still pins the snapshot");
        Batch batch = openSource.next();
        assertEquals(0L, batch.column(0).getObject(0), "and can still be read");
        openSource.close();
        assertEquals(newBytes, cacheAllocator.getAllocatedMemory(), "the last user freed the old snapshot");
        assertEquals(0, cached(old));

        // A plan asked of the released snapshot reads its files (which changed, so it says to refresh).
        try (ScanPlan late = old.planScan(all("id"))) {
            assertFalse(late.metrics().cached());
            assertFails(ErrorCode.IO_ERROR, () -> ScanResults.rows(late, queryAllocator));
        }
        assertThrows(IllegalStateException.class, () -> {
            ScanPlan closed = current.planScan(all("id"));
            ScanSplit split = closed.splits().get(0);
            closed.close();
            catalog.dropDataset(name("d"), false);
            split.open(queryAllocator);
        }, "opening a split after its memory is freed fails cleanly");
        assertEquals(0, cacheAllocator.getAllocatedMemory());
    }

    @Test
    void dropFreesMemoryAfterRunningScans() {
        write("d/a.parquet", rows(0, 1000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot snapshot = catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        try (ScanPlan plan = snapshot.planScan(all("id", "symbol"))) {
            catalog.dropDataset(name("d"), false);
            assertTrue(cacheAllocator.getAllocatedMemory() > 0);
            assertEquals(1000, ScanResults.rows(plan, queryAllocator).size());
        }
        assertEquals(0, cacheAllocator.getAllocatedMemory());
    }

    @Test
    void closingTheCatalogDuringAScanFreesTheMemoryWhenTheScanEnds() {
        write("d/a.parquet", rows(0, 1000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot snapshot = catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        try (ScanPlan plan = snapshot.planScan(all("id"))) {
            catalog.close();
            assertTrue(cacheAllocator.getAllocatedMemory() > 0, "the running scan keeps its data");
            assertEquals(1000, ScanResults.rows(plan, queryAllocator).size());
        }
        assertEquals(0, cacheAllocator.getAllocatedMemory());
    }

    @Test
    void aRefreshSharesTheFilesThatDidNotChange() {
        write("d/a.parquet", rows(0, 3000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot first = catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        long firstBytes = cacheAllocator.getAllocatedMemory();
        FieldVector before;
        try (ScanPlan plan = first.planScan(all("id"))) {
            before = firstVector(plan);
        }
        write("d/b.parquet", rows(3000, 3001));
        DatasetSnapshot second = catalog.refreshDataset(name("d"));
        assertEquals(3001, second.rowCount());
        try (ScanPlan plan = second.planScan(all("id"))) {
            assertSame(before, firstVector(plan), "a.parquet was not loaded again");
            assertEquals(3001, ScanResults.rows(plan, queryAllocator).size());
        }
        assertTrue(cacheAllocator.getAllocatedMemory() < 2 * firstBytes, "no second copy of a.parquet");
        assertEquals(cached(second), cacheAllocator.getAllocatedMemory(), "the first snapshot kept nothing of its own");
    }

    @Test
    void reopenedCatalogsLoadLazilyWithOneLoader() throws Exception {
        write("d/a.parquet", rows(0, 20000));
        Path catalogDir = dir.resolve("catalog");
        Catalog created = persistentCatalog(catalogDir);
        created.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        created.close();
        assertEquals(0, cacheAllocator.getAllocatedMemory());

        progress.clear();
        Catalog reopened = persistentCatalog(catalogDir);
        DatasetSnapshot snapshot = reopened.snapshot(name("d")).orElseThrow();
        assertEquals(0, cacheAllocator.getAllocatedMemory(), "nothing is loaded on open");

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FieldVector>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (ScanPlan plan = snapshot.planScan(all("id"))) {
                        assertTrue(plan.metrics().cached());
                        return firstVector(plan);
                    }
                }));
            }
            start.countDown();
            Set<FieldVector> vectors = new HashSet<>();
            for (Future<FieldVector> result : results) {
                vectors.add(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, vectors.size(), "every query got the same cached vectors");
        } finally {
            pool.shutdownNow();
        }
        long loads = progress.stream().filter(p -> p.phase() == CatalogProgress.Phase.LOADING_CACHE && p.completed() == 0)
                .count();
        assertEquals(1, loads, "one loader, the others waited");
        assertTrue(cacheAllocator.getAllocatedMemory() > 0);
    }

    @Test
    void aLoadThatFailsOnCorruptDataLeavesNothingBehind() throws IOException {
        write("d/a.parquet", rows(0, 5000));
        corruptPages(write("d/b.parquet", rows(5000, 10000)));
        Catalog catalog = memoryCatalog();
        PolaroidException e = assertThrows(PolaroidException.class,
                () -> catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false));
        assertTrue(e.getMessage().contains("b.parquet"), e.getMessage());
        assertEquals(0, cacheAllocator.getAllocatedMemory(), "nothing half-cached");
        assertEquals(List.of(), catalog.datasets());
    }

    @Test
    void aRefreshWhoseLoadFailsKeepsTheOldSnapshotInMemory() throws IOException {
        write("d/a.parquet", rows(0, 5000));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot first = catalog.createDataset(name("d"), "d", CacheMode.MEMORY, false);
        long bytes = cacheAllocator.getAllocatedMemory();
        corruptPages(write("d/b.parquet", rows(5000, 10000)));
        assertThrows(PolaroidException.class, () -> catalog.refreshDataset(name("d")));
        assertSame(first, catalog.snapshot(name("d")).orElseThrow());
        assertEquals(bytes, cacheAllocator.getAllocatedMemory());
        assertEquals(5000, ScanResults.scan(first, queryAllocator, List.of("id")).size());
    }

    @Test
    void theCacheLimitIsEnforcedAndAFailedLoadChangesNothing() {
        write("d/big.parquet", rows(0, 200_000));
        write("small.parquet", rows(0, 10));
        try (BufferAllocator limited = root.newChildAllocator("limited-cache", 0, 512 * 1024)) {
            Catalog catalog = Catalog.inMemory(CatalogOptions.builder(limited).workingDirectory(dir).build());
            try {
                catalog.createDataset(name("small"), "small.parquet", CacheMode.MEMORY, false);
                long smallBytes = limited.getAllocatedMemory();
                PolaroidException e = assertFails(ErrorCode.OUT_OF_MEMORY,
                        () -> catalog.createDataset(name("big"), "d", CacheMode.MEMORY, false));
                assertTrue(e.getMessage().contains("main.big"), e.getMessage());
                assertEquals(smallBytes, limited.getAllocatedMemory());
                assertEquals(List.of("main.small"), catalog.datasets().stream().map(d -> d.name().toString()).toList());
            } finally {
                catalog.close();
            }
            assertEquals(0, limited.getAllocatedMemory());
        }
    }

    /**
     * Overwrites the column data of a Parquet file, keeping its footer (and size): the footer still reads,
     * the pages do not decode.
     */
    static void corruptPages(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int dataEnd = bytes.length - 8 - footerLength;
        for (int i = 4; i < dataEnd; i++) {
            bytes[i] = (byte) 0xE7;
        }
        Files.write(file, bytes);
    }

    @Test
    void differentDatasetsNeverShareVectors() {
        write("d/a.parquet", rows(0, 100));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot one = catalog.createDataset(name("one"), "d", CacheMode.MEMORY, false);
        DatasetSnapshot two = catalog.createDataset(name("two"), "d", CacheMode.MEMORY, false);
        assertNotSame(firstVectorAndClose(one.planScan(all("id"))), firstVectorAndClose(two.planScan(all("id"))));
    }
}
