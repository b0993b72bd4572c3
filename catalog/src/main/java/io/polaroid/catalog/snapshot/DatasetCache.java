package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.DataFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/** The rows of one {@link io.polaroid.catalog.CacheMode#MEMORY} snapshot in memory: one {@link CachedFile} per file. */
final class DatasetCache {
    private final Schema schema;
    private final Map<Path, CachedFile> files;

    /** Takes over one reference of every file. */
    DatasetCache(Schema schema, Map<Path, CachedFile> files) {
        this.schema = schema;
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    CachedFile file(Path path) {
        return Objects.requireNonNull(files.get(path), () -> "file not cached: " + path);
    }

    long bytes() {
        return files.values().stream().mapToLong(CachedFile::bytes).sum();
    }

    /**
     * The cached rows of {@code file} with a new reference taken, if this cache holds the same file (same
     * path, size, modification time and partition values) in the same dataset schema.
     */
    Optional<CachedFile> reuse(DataFile file, Schema datasetSchema) {
        if (!schema.equals(datasetSchema)) {
            return Optional.empty();
        }
        CachedFile cached = files.get(file.path());
        if (cached == null || !sameContent(cached.file(), file) || !cached.retain()) {
            return Optional.empty();
        }
        return Optional.of(cached);
    }

    /** Releases this cache's reference to every file, even if releasing one of them fails. */
    void release() {
        RuntimeException failure = null;
        for (CachedFile file : files.values()) {
            try {
                file.release();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static boolean sameContent(DataFile a, DataFile b) {
        return a.size() == b.size() && a.lastModifiedMillis() == b.lastModifiedMillis()
                && a.partitionValues().equals(b.partitionValues());
    }
}
