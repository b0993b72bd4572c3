package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ColumnStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** REFRESH DATASET: added, changed and removed files, and queries that keep their snapshot. */
class RefreshTest extends CatalogTestBase {

    private static String ids(int from, int to) {
        return "SELECT i AS id FROM range(" + from + ", " + to + ") t(i)";
    }

    /** Rewrites {@code relative} with other rows and a later modification time, as a new export would. */
    private Path rewrite(String relative, String select) throws IOException {
        Path file = dir.resolve(relative);
        FileTime before = Files.getLastModifiedTime(file);
        write(relative, select);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5_000));
        return file;
    }

    private long footersRead() {
        return progress.stream().filter(p -> p.phase() == CatalogProgress.Phase.READING_FOOTERS && p.completed() == 0)
                .reduce((a, b) -> b).orElseThrow().total();
    }

    @Test
    void refreshPicksUpAddedChangedAndRemovedFiles() throws IOException {
        write("d/a.parquet", ids(0, 10));
        write("d/b.parquet", ids(10, 20));
        write("d/keep.parquet", ids(100, 101));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot first = catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        assertEquals(21, first.rowCount());

        Files.delete(dir.resolve("d/a.parquet"));
        rewrite("d/b.parquet", ids(10, 15));
        write("d/c.parquet", ids(50, 80));
        DatasetSnapshot second = catalog.refreshDataset(name("D"));

        assertEquals(2, second.version());
        assertEquals(List.of("b.parquet", "c.parquet", "keep.parquet"),
                second.files().stream().map(f -> f.path().getFileName().toString()).toList());
        assertEquals(36, second.rowCount());
        assertEquals(2, footersRead(), "only the changed and the new file are read again");
        assertSame(second, catalog.snapshot(name("d")).orElseThrow());
        assertEquals(36, ScanResults.scan(second, queryAllocator, List.of("id")).size());

        assertEquals(21, first.rowCount(), "snapshots are immutable");
        assertEquals(3, first.files().size());
        assertEquals(new ColumnStatistics(0, 10L, 100L), second.columnStatistics("id").orElseThrow());
    }

    @Test
    void refreshWithoutChangesReadsNoFooter() {
        write("d/a.parquet", ids(0, 10));
        Catalog catalog = memoryCatalog();
        catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        DatasetSnapshot refreshed = catalog.refreshDataset(name("d"));
        assertEquals(0, footersRead());
        assertEquals(10, refreshed.rowCount());
    }

    @Test
    void refreshCanChangeTheSchema() {
        write("d/a.parquet", ids(0, 10));
        Catalog catalog = memoryCatalog();
        catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        write("d/b.parquet", "SELECT 99 AS id, 'new' AS label");
        DatasetSnapshot refreshed = catalog.refreshDataset(name("d"));
        assertEquals(List.of("id", "label"), refreshed.schema().getFields().stream().map(f -> f.getName()).toList());
    }

    @Test
    void runningScansFinishOnTheirSnapshot() {
        write("d/a.parquet", ids(0, 10));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot first = catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        try (ScanPlan running = first.planScan(new ScanRequest(List.of("id"), List.of(), 100))) {
            write("d/b.parquet", ids(10, 30));
            DatasetSnapshot second = catalog.refreshDataset(name("d"));
            assertEquals(10, ScanResults.rows(running, queryAllocator).size(), "the old plan sees the old files");
            assertEquals(30, ScanResults.scan(second, queryAllocator, List.of("id")).size());
        }
    }

    @Test
    void aFileChangedOrRemovedUnderASnapshotFailsWithARefreshHint() throws IOException {
        write("d/a.parquet", ids(0, 10));
        write("d/b.parquet", ids(10, 20));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot snapshot = catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        try (ScanPlan plan = snapshot.planScan(new ScanRequest(List.of("id"), List.of(), 100))) {
            rewrite("d/a.parquet", ids(0, 3));
            Files.delete(dir.resolve("d/b.parquet"));
            PolaroidException changed = assertFails(ErrorCode.IO_ERROR, () -> open(plan.splits().get(0)));
            assertTrue(changed.getMessage().contains("a.parquet") && changed.getMessage().contains("REFRESH DATASET main.d"),
                    changed.getMessage());
            PolaroidException removed = assertFails(ErrorCode.FILE_NOT_FOUND, () -> open(plan.splits().get(1)));
            assertTrue(removed.getMessage().contains("b.parquet") && removed.getMessage().contains("REFRESH DATASET main.d"),
                    removed.getMessage());
        }
        DatasetSnapshot refreshed = catalog.refreshDataset(name("d"));
        assertEquals(3, ScanResults.scan(refreshed, queryAllocator, List.of("id")).size());
    }

    private void open(ScanSplit split) {
        try (BatchSource source = split.open(queryAllocator)) {
            source.next();
        }
    }

    @Test
    void aFailedRefreshKeepsTheCurrentSnapshot() throws IOException {
        write("d/a.parquet", ids(0, 10));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot first = catalog.createDataset(name("d"), "d", CacheMode.NONE, false);
        Files.write(dir.resolve("d/broken.parquet"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertFails(ErrorCode.DATA_CORRUPTED, () -> catalog.refreshDataset(name("d")));
        assertSame(first, catalog.snapshot(name("d")).orElseThrow());

        Files.delete(dir.resolve("d/broken.parquet"));
        Files.delete(dir.resolve("d/a.parquet"));
        assertFails(ErrorCode.FILE_NOT_FOUND, () -> catalog.refreshDataset(name("d")));
        assertSame(first, catalog.snapshot(name("d")).orElseThrow());

        write("d/a.parquet", ids(0, 2));
        DatasetSnapshot second = catalog.refreshDataset(name("d"));
        assertNotSame(first, second);
        assertEquals(2, second.version(), "failed refreshes do not use up versions");
    }
}
