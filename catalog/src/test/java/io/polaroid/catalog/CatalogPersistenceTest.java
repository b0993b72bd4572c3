package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The persistent catalog: round trips, atomic and durable changes, crash leftovers, the directory lock. */
class CatalogPersistenceTest extends CatalogTestBase {
    private static final String ALL_TYPES = "SELECT i AS id, CAST(i AS INTEGER) AS small, CAST(i AS DECIMAL(10, 2)) / 3 AS amount, "
            + "CAST(i AS DOUBLE) / 7 AS ratio, 'name' || i AS label, i % 2 = 0 AS flag, "
            + "DATE '2024-01-01' + CAST(i AS INTEGER) AS day, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS ts, "
            + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS tstz, "
            + "CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS sometimes FROM range(0, 5000) t(i)";

    private final AtomicReference<CatalogDirectory.SaveStep> failAt = new AtomicReference<>();

    private Path catalogDir() {
        return dir.resolve("catalog");
    }

    /** A persistent catalog whose saves fail at {@link #failAt} while it is set. */
    private Catalog faultyCatalog() {
        return track(LocalCatalog.open(catalogDir(), options().build(), step -> {
            if (step == failAt.get()) {
                throw new IOException("simulated disk failure at " + step);
            }
        }));
    }

    private Set<String> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(catalogDir().resolve(CatalogDirectory.MANIFEST_DIRECTORY))) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static List<String> datasetNames(Catalog catalog) {
        return catalog.datasets().stream().map(d -> d.name().toString()).toList();
    }

    @Test
    void definitionsAndSnapshotsSurviveAReopen() {
        write("h/year=2023/a.parquet", ALL_TYPES);
        write("h/year=2024/b.parquet", ALL_TYPES.replace("range(0, 5000)", "range(5000, 7000)"));
        write("c.parquet", "SELECT 1 AS one");

        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createSchema("Analytics", false);
        catalog.createDataset(name("trades"), "h", CacheMode.NONE, false);
        catalog.createDataset(new DatasetName("analytics", "Cached"), "c.parquet", CacheMode.MEMORY, false);
        catalog.refreshDataset(name("trades"));
        List<DatasetDescriptor> before = catalog.datasets();
        DatasetSnapshot trades = catalog.snapshot(name("trades")).orElseThrow();
        catalog.close();

        Catalog reopened = persistentCatalog(catalogDir());
        assertEquals(List.of("Analytics", "main"), reopened.schemaNames());
        assertEquals(before, reopened.datasets());
        DatasetSnapshot restored = reopened.snapshot(name("TRADES")).orElseThrow();
        assertEquals(2, restored.version());
        assertEquals(trades.files(), restored.files(), "paths, sizes, times, partitions, row groups and statistics");
        assertEquals(trades.partitionColumns(), restored.partitionColumns());
        for (var field : trades.schema().getFields()) {
            assertEquals(trades.columnStatistics(field.getName()), restored.columnStatistics(field.getName()), field.getName());
        }
        assertEquals(7000, ScanResults.scan(restored, queryAllocator, List.of("id", "year")).size());
        assertEquals(CacheMode.MEMORY, reopened.snapshot(new DatasetName("ANALYTICS", "cached")).orElseThrow().cacheMode());
    }

    @Test
    void reopeningReadsTheManifestsNotTheFooters() throws IOException {
        Path file = write("d/a.parquet", ALL_TYPES);
        Catalog catalog = persistentCatalog(catalogDir());
        DatasetSnapshot created = catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        catalog.close();

        // Same size and time, unreadable content: only a catalog that re-reads footers would notice.
        FileTime time = Files.getLastModifiedTime(file);
        Files.write(file, new byte[(int) Files.size(file)]);
        Files.setLastModifiedTime(file, time);
        progress.clear();

        Catalog reopened = persistentCatalog(catalogDir());
        DatasetSnapshot restored = reopened.snapshot(name("d")).orElseThrow();
        assertEquals(created.schema(), restored.schema());
        assertEquals(created.rowCount(), restored.rowCount());
        assertTrue(progress.stream().noneMatch(p -> p.phase() == CatalogProgress.Phase.READING_FOOTERS));
    }

    @Test
    void theCatalogFileIsVersionedJson() throws IOException {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createDataset(name("a"), "a.parquet", CacheMode.MEMORY, false);
        JsonNode root = new ObjectMapper().readTree(catalogDir().resolve(CatalogDirectory.CATALOG_FILE).toFile());
        assertEquals("polaroid-catalog", root.get("format").asText());
        assertEquals(CatalogJson.FORMAT_VERSION, root.get("formatVersion").asInt());
        JsonNode dataset = root.get("datasets").get(0);
        assertEquals(dir.resolve("a.parquet").toString(), dataset.get("location").asText());
        assertEquals("memory", dataset.get("cache").asText());
        assertTrue(Files.exists(catalogDir().resolve(dataset.get("manifest").asText())));
    }

    @Test
    void leftoversOfACrashAreIgnoredAndCleanedUp() throws IOException {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false);
        catalog.close();
        Set<String> manifests = manifestFiles();

        Path garbageCatalog = catalogDir().resolve(CatalogDirectory.CATALOG_FILE + ".5eed.tmp");
        Files.writeString(garbageCatalog, "{\"format\": \"polaroid-cat");
        Path garbageManifest = catalogDir().resolve("manifests/main.b-v1-0000.json.77.tmp");
        Files.writeString(garbageManifest, "half a manifest");
        Path orphan = catalogDir().resolve("manifests/main.b-v1-12345678.json");
        Files.writeString(orphan, "{}");

        Catalog reopened = persistentCatalog(catalogDir());
        assertEquals(List.of("main.a"), datasetNames(reopened));
        assertFalse(Files.exists(garbageCatalog));
        assertFalse(Files.exists(garbageManifest));
        assertFalse(Files.exists(orphan));
        assertEquals(manifests, manifestFiles());
    }

    @Test
    void aSaveThatFailsBeforeTheCommitChangesNothing() throws IOException {
        write("a.parquet", "SELECT 1 AS x");
        write("b.parquet", "SELECT 2 AS x");
        Catalog catalog = faultyCatalog();
        DatasetSnapshot a = catalog.createDataset(name("a"), "a.parquet", CacheMode.MEMORY, false);
        long cached = cacheAllocator.getAllocatedMemory();
        Set<String> manifests = manifestFiles();

        failAt.set(CatalogDirectory.SaveStep.BEFORE_COMMIT);
        PolaroidException e = assertFails(ErrorCode.IO_ERROR,
                () -> catalog.createDataset(name("b"), "b.parquet", CacheMode.MEMORY, false));
        assertTrue(e.getMessage().contains("simulated disk failure"), e.getMessage());
        assertFails(ErrorCode.IO_ERROR, () -> catalog.refreshDataset(name("a")));
        assertFails(ErrorCode.IO_ERROR, () -> catalog.dropDataset(name("a"), false));
        assertFails(ErrorCode.IO_ERROR, () -> catalog.createSchema("s", false));

        assertEquals(List.of("main.a"), datasetNames(catalog), "memory is as before");
        assertSame(a, catalog.snapshot(name("a")).orElseThrow());
        assertEquals(List.of("main"), catalog.schemaNames());
        assertEquals(cached, cacheAllocator.getAllocatedMemory(), "the failed changes' caches were freed");
        assertEquals(manifests, manifestFiles(), "no manifest of a failed change remains");

        failAt.set(null);
        catalog.close();
        Catalog reopened = persistentCatalog(catalogDir());
        assertEquals(List.of("main.a"), datasetNames(reopened), "disk is as before");
        assertEquals(1, reopened.snapshot(name("a")).orElseThrow().version());
    }

    @Test
    void aSaveThatFailsAfterTheRenameIsRolledBack() {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = faultyCatalog();
        catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false);
        failAt.set(CatalogDirectory.SaveStep.AFTER_COMMIT_RENAME);
        assertFails(ErrorCode.IO_ERROR, () -> catalog.createDataset(name("b"), "a.parquet", CacheMode.NONE, false));
        assertFails(ErrorCode.IO_ERROR, () -> catalog.dropDataset(name("a"), false));
        assertEquals(List.of("main.a"), datasetNames(catalog));
        failAt.set(null);
        catalog.close();
        assertEquals(List.of("main.a"), datasetNames(persistentCatalog(catalogDir())));
    }

    @Test
    void theFirstSaveFailingLeavesNoCatalogFile() {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = faultyCatalog();
        failAt.set(CatalogDirectory.SaveStep.AFTER_COMMIT_RENAME);
        assertFails(ErrorCode.IO_ERROR, () -> catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false));
        assertFalse(Files.exists(catalogDir().resolve(CatalogDirectory.CATALOG_FILE)));
    }

    @Test
    void droppedDatasetsAndReplacedSnapshotsLeaveNoManifests() throws IOException {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false);
        catalog.createDataset(name("b"), "a.parquet", CacheMode.NONE, false);
        catalog.refreshDataset(name("a"));
        catalog.refreshDataset(name("a"));
        assertEquals(2, manifestFiles().size());
        catalog.dropDataset(name("b"), false);
        assertEquals(1, manifestFiles().size());
        assertTrue(manifestFiles().iterator().next().startsWith("main.a-v3-"));
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        Catalog catalog = persistentCatalog(catalogDir());
        PolaroidException e = assertFails(ErrorCode.OBJECT_IN_USE, () -> persistentCatalog(catalogDir()));
        assertTrue(e.getMessage().contains(catalogDir().toString()), e.getMessage());
        catalog.close();
        persistentCatalog(catalogDir()).close();
    }

    @Test
    void anotherProcessCannotOpenALockedCatalog() throws Exception {
        Catalog catalog = persistentCatalog(catalogDir());
        String output = runSecondProcess();
        assertTrue(output.startsWith("FAILED 55006"), output);
        assertTrue(output.contains("process " + ProcessHandle.current().pid()), output);
        catalog.close();
        String after = runSecondProcess();
        assertTrue(after.startsWith("OPENED"), after);
    }

    private String runSecondProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SecondProcess.class.getName(), catalogDir().toString())
                .redirectErrorStream(true).start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the second process did not finish");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return output.lines().filter(l -> l.startsWith("OPENED") || l.startsWith("FAILED")).findFirst().orElse(output);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aCorruptCatalogFileFailsClearlyAndReleasesTheLock() throws IOException {
        Files.createDirectories(catalogDir());
        Path file = catalogDir().resolve(CatalogDirectory.CATALOG_FILE);
        Files.writeString(file, "{\"format\": \"polaroid-catalog\", \"formatVersion\": 1, \"schemas\": [");
        PolaroidException e = assertFails(ErrorCode.DATA_CORRUPTED, () -> persistentCatalog(catalogDir()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

        Files.writeString(file, "{\"format\": \"polaroid-catalog\", \"formatVersion\": 99, \"schemas\": [], \"datasets\": []}");
        e = assertFails(ErrorCode.DATA_CORRUPTED, () -> persistentCatalog(catalogDir()));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());

        Files.writeString(file, "{\"format\": \"polaroid-catalog\", \"formatVersion\": 1, \"schemas\": [\"main\"], \"datasets\": "
                + "[{\"schema\": \"main\", \"name\": \"x\", \"location\": \"/x\", \"cache\": \"none\", \"manifest\": \"manifests/gone.json\"}]}");
        e = assertFails(ErrorCode.DATA_CORRUPTED, () -> persistentCatalog(catalogDir()));
        assertTrue(e.getMessage().contains("gone.json") && e.getMessage().contains("main.x"), e.getMessage());

        Files.writeString(file, "{\"format\": \"polaroid-catalog\", \"formatVersion\": 1, \"schemas\": [\"main\"], \"datasets\": "
                + "[{\"schema\": \"main\", \"name\": \"x\", \"location\": \"/x\", \"cache\": \"none\", \"manifest\": \"../../etc/passwd\"}]}");
        assertFails(ErrorCode.DATA_CORRUPTED, () -> persistentCatalog(catalogDir()));

        Files.delete(file);
        assertEquals(List.of("main"), persistentCatalog(catalogDir()).schemaNames(), "every failed open released the lock");
    }

    @Test
    void aCorruptManifestFailsNamingIt() throws IOException {
        write("a.parquet", "SELECT 1 AS x");
        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false);
        catalog.close();
        Path manifest = catalogDir().resolve("manifests").resolve(manifestFiles().iterator().next());
        Files.writeString(manifest, Files.readString(manifest).replace("\"rows\":1", "\"rows\":\"one\""));
        PolaroidException e = assertFails(ErrorCode.DATA_CORRUPTED, () -> persistentCatalog(catalogDir()));
        assertTrue(e.getMessage().contains(manifest.getFileName().toString()), e.getMessage());
    }

    @Test
    void theCacheOfAReopenedCatalogIsFreedOnClose() {
        write("a.parquet", ALL_TYPES);
        Catalog catalog = persistentCatalog(catalogDir());
        catalog.createDataset(name("a"), "a.parquet", CacheMode.MEMORY, false);
        catalog.close();
        Catalog reopened = persistentCatalog(catalogDir());
        DatasetSnapshot snapshot = reopened.snapshot(name("a")).orElseThrow();
        assertEquals(5000, ScanResults.scan(snapshot, queryAllocator, List.of("id", "amount", "ts")).size());
        assertTrue(((Snapshot) snapshot).cachedBytes() > 0);
        reopened.close();
        assertEquals(0, cacheAllocator.getAllocatedMemory());
    }
}
