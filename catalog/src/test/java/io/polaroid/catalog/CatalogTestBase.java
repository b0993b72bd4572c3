package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Parquet files in a temp directory, a root allocator whose cache and query children must be back
 * to zero when each test ends, and catalogs that are closed after it.
 */
abstract class CatalogTestBase {
    @TempDir
    Path dir;

    BufferAllocator root;
    BufferAllocator cacheAllocator;
    BufferAllocator queryAllocator;
    TestParquet parquet;
    final List<CatalogProgress> progress = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Catalog> catalogs = new ArrayList<>();

    @BeforeEach
    void setUpAllocators() {
        root = new RootAllocator();
        cacheAllocator = root.newChildAllocator("cache", 0, Long.MAX_VALUE);
        queryAllocator = root.newChildAllocator("query", 0, Long.MAX_VALUE);
        parquet = new TestParquet();
    }

    @AfterEach
    void checkNothingLeaks() throws Exception {
        for (Catalog catalog : catalogs) {
            catalog.close();
        }
        parquet.close();
        assertEquals(0, cacheAllocator.getAllocatedMemory(), "cached memory left after closing the catalogs");
        assertEquals(0, queryAllocator.getAllocatedMemory(), "query memory left");
        cacheAllocator.close();
        queryAllocator.close();
        root.close();
    }

    CatalogOptions.Builder options() {
        return CatalogOptions.builder(cacheAllocator).workingDirectory(dir).progressListener(progress::add);
    }

    /** A transient catalog closed after the test. */
    Catalog memoryCatalog() {
        return track(Catalog.inMemory(options().build()));
    }

    /** A persistent catalog in {@code directory}, closed after the test unless closed before. */
    Catalog persistentCatalog(Path directory) {
        return track(Catalog.open(directory, options().build()));
    }

    Catalog track(Catalog catalog) {
        catalogs.add(catalog);
        return catalog;
    }

    /** {@code select} written to {@code relative} below the temp directory. */
    Path write(String relative, String select) {
        return parquet.write(dir.resolve(relative), select);
    }

    Path write(String relative, String select, int rowGroupRows) {
        return parquet.write(dir.resolve(relative), select, rowGroupRows);
    }

    static PolaroidException assertFails(ErrorCode code, Executable executable) {
        PolaroidException e = assertThrows(PolaroidException.class, executable);
        assertEquals(code, e.code(), () -> "unexpected error: " + e.getMessage());
        return e;
    }

    static DatasetName name(String name) {
        return DatasetName.of(name);
    }
}
