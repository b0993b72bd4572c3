package io.polaroid.catalog;

import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.catalog.snapshot.SnapshotFactory;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Catalog}: an immutable {@link CatalogState} swapped atomically by one writer at a time,
 * optionally stored in a {@link CatalogDirectory}.
 *
 * <p>A change builds its new snapshot (reading footers, loading the memory cache) and the new state,
 * saves it, and only then publishes it; if any step fails, the new snapshot is released and memory and
 * disk keep the old state. Readers take the current state without locking.
 */
final class LocalCatalog implements Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCatalog.class);

    private final CatalogOptions options;
    private final CatalogDirectory directory;
    private final SnapshotFactory snapshots;
    private final ReentrantLock writer = new ReentrantLock();
    private volatile CatalogState state;
    private volatile boolean closed;

    private LocalCatalog(CatalogOptions options, CatalogDirectory directory, SnapshotFactory snapshots,
                         CatalogState state) {
        this.options = options;
        this.directory = directory;
        this.snapshots = snapshots;
        this.state = state;
    }

    static LocalCatalog open(Path path, CatalogOptions options, CatalogDirectory.SaveHook hook) {
        SnapshotFactory snapshots = new SnapshotFactory(new DataLocations(options.workingDirectory(), options.dataRoots()), options);
        CatalogDirectory directory = null;
        try {
            directory = CatalogDirectory.open(options.workingDirectory().resolve(path), hook);
            return new LocalCatalog(options, directory, snapshots, directory.load(snapshots));
        } catch (RuntimeException | Error e) {
            if (directory != null) {
                directory.close();
            }
            snapshots.close();
            throw e;
        }
    }

    static LocalCatalog transientCatalog(CatalogOptions options) {
        SnapshotFactory snapshots = new SnapshotFactory(new DataLocations(options.workingDirectory(), options.dataRoots()), options);
        return new LocalCatalog(options, null, snapshots, CatalogState.empty());
    }

    @Override
    public List<String> schemaNames() {
        return List.copyOf(current().schemas().values());
    }

    @Override
    public boolean schemaExists(String schema) {
        return current().hasSchema(Objects.requireNonNull(schema, "schema"));
    }

    @Override
    public void createSchema(String name, boolean ifNotExists) {
        requireName(name, "schema");
        write(() -> {
            CatalogState current = state;
            if (current.hasSchema(name)) {
                if (ifNotExists) {
                    return null;
                }
                throw new PolaroidException(ErrorCode.DUPLICATE_SCHEMA, "schema '" + name + "' already exists");
            }
            commit(current.withSchema(name));
            return null;
        });
    }

    @Override
    public void dropSchema(String name, boolean ifExists) {
        requireName(name, "schema");
        write(() -> {
            CatalogState current = state;
            if (DatasetName.normalize(name).equals(DEFAULT_SCHEMA)) {
                throw new PolaroidException(ErrorCode.INVALID_STATEMENT,
                        "schema '" + name + "' is the default schema and cannot be dropped");
            }
            if (!current.hasSchema(name)) {
                if (ifExists) {
                    return null;
                }
                throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema '" + name + "' does not exist");
            }
            List<Snapshot> contents = current.datasetsIn(name);
            if (!contents.isEmpty()) {
                throw new PolaroidException(ErrorCode.DEPENDENT_OBJECTS_EXIST, "schema '" + name + "' still holds "
                        + contents.size() + " dataset(s) (" + String.join(", ",
                        contents.stream().map(s -> s.name().name()).limit(5).toList())
                        + (contents.size() > 5 ? ", ..." : "") + "); drop them first");
            }
            commit(current.withoutSchema(name));
            return null;
        });
    }

    @Override
    public DatasetSnapshot createDataset(DatasetName name, String location, CacheMode cache, boolean ifNotExists) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cache, "cache");
        return write(() -> {
            CatalogState current = state;
            if (!current.hasSchema(name.schema())) {
                throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "schema '" + name.schema()
                        + "' does not exist; cannot create dataset " + name);
            }
            Snapshot existing = current.dataset(name);
            if (existing != null) {
                if (ifNotExists) {
                    return existing;
                }
                throw new PolaroidException(ErrorCode.DUPLICATE_TABLE, "dataset " + existing.name() + " already exists");
            }
            DatasetName display = new DatasetName(current.schemaDisplayName(name.schema()), name.name());
            Snapshot snapshot = snapshots.create(display, location, cache, 1, Optional.empty());
            publish(current.withDataset(snapshot), snapshot, null);
            return snapshot;
        });
    }

    @Override
    public DatasetSnapshot refreshDataset(DatasetName name) {
        Objects.requireNonNull(name, "name");
        return write(() -> {
            CatalogState current = state;
            Snapshot existing = requireDataset(current, name);
            Snapshot snapshot = snapshots.create(existing.name(), existing.location(), existing.cacheMode(),
                    existing.version() + 1, Optional.of(existing));
            publish(current.withDataset(snapshot), snapshot, existing);
            return snapshot;
        });
    }

    @Override
    public DatasetSnapshot relocateDataset(DatasetName name, String location) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        return write(() -> {
            CatalogState current = state;
            Snapshot existing = requireDataset(current, name);
            Snapshot snapshot = snapshots.create(existing.name(), location, existing.cacheMode(),
                    existing.version() + 1, Optional.of(existing));
            publish(current.withDataset(snapshot), snapshot, existing);
            return snapshot;
        });
    }

    @Override
    public DatasetSnapshot appendFiles(DatasetName name, List<Path> files) {
        Objects.requireNonNull(name, "name");
        List<Path> added = List.copyOf(Objects.requireNonNull(files, "files"));
        return write(() -> {
            CatalogState current = state;
            Snapshot existing = requireDataset(current, name);
            // Resolving again confines the target: files are only ever moved into a directory under the data roots.
            Path directory = Path.of(snapshots.resolveLocation(existing.location()));
            if (!Files.isDirectory(directory)) {
                throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot add files to dataset "
                        + existing.name() + ": its location '" + existing.location() + "' is not a directory");
            }
            List<Path> moved = new ArrayList<>(added.size());
            try {
                for (Path file : added) {
                    Path target = directory.resolve(file.getFileName().toString());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw new PolaroidException(ErrorCode.IO_ERROR, "cannot add file '" + file + "' to dataset "
                                + existing.name() + ": '" + target + "' already exists");
                    }
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(target);
                }
                Snapshot snapshot = snapshots.create(existing.name(), existing.location(), existing.cacheMode(),
                        existing.version() + 1, Optional.of(existing));
                publish(current.withDataset(snapshot), snapshot, existing);
                return snapshot;
            } catch (IOException e) {
                deleteAll(moved, e);
                throw new PolaroidException(ErrorCode.IO_ERROR, "cannot add files to dataset " + existing.name()
                        + " in '" + directory + "': " + e, e);
            } catch (RuntimeException | Error e) {
                deleteAll(moved, e);
                throw e;
            }
        });
    }

    /** Deletes files added by a change that failed; a file that cannot be deleted is noted on {@code failure}. */
    private static void deleteAll(List<Path> files, Throwable failure) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public boolean dropDataset(DatasetName name, boolean ifExists) {
        Objects.requireNonNull(name, "name");
        return write(() -> {
            CatalogState current = state;
            Snapshot existing = current.dataset(name);
            if (existing == null) {
                if (ifExists) {
                    return false;
                }
                throw undefined(name);
            }
            commit(current.withoutDataset(name));
            existing.release();
            return true;
        });
    }

    @Override
    public List<DatasetDescriptor> datasets() {
        List<DatasetDescriptor> descriptors = new ArrayList<>();
        for (Snapshot snapshot : current().datasets().values()) {
            descriptors.add(snapshot.describe());
        }
        return descriptors;
    }

    @Override
    public Optional<DatasetSnapshot> snapshot(DatasetName name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(current().dataset(name));
    }

    @Override
    public DatasetSnapshot adHoc(String location) {
        Objects.requireNonNull(location, "location");
        ensureOpen();
        return snapshots.adHoc(location);
    }

    @Override
    public void close() {
        writer.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException failure = null;
            for (Snapshot snapshot : state.datasets().values()) {
                try {
                    snapshot.release();
                } catch (RuntimeException e) {
                    failure = addTo(failure, e);
                }
            }
            try {
                if (directory != null) {
                    directory.close();
                }
            } catch (RuntimeException e) {
                failure = addTo(failure, e);
            } finally {
                snapshots.close();
            }
            long stillCached = options.cacheAllocator().getAllocatedMemory();
            if (stillCached > 0) {
                LOG.warn("catalog closed while scans still hold {} bytes of cached data; they are freed when those"
                        + " scans close", stillCached);
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            writer.unlock();
        }
    }

    /** The catalog directory, or null for a transient catalog. For tests. */
    CatalogDirectory directory() {
        return directory;
    }

    // ---- changes ----

    private interface Change<T> {
        T apply();
    }

    private <T> T write(Change<T> change) {
        writer.lock();
        try {
            ensureOpen();
            return change.apply();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Loads {@code snapshot}'s memory cache (sharing unchanged files with {@code replaced}), saves
     * {@code next} and publishes it, then releases the replaced snapshot. On failure nothing changes.
     */
    private void publish(CatalogState next, Snapshot snapshot, Snapshot replaced) {
        try {
            snapshot.loadCache(Optional.ofNullable(replaced));
            commit(next);
        } catch (RuntimeException | Error e) {
            snapshot.release();
            throw e;
        }
        if (replaced != null) {
            replaced.release();
        }
    }

    private void commit(CatalogState next) {
        if (directory != null) {
            directory.save(next);
        }
        state = next;
    }

    // ---- helpers ----

    private CatalogState current() {
        ensureOpen();
        return state;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the catalog" + (directory == null ? "" : " in '" + directory.path() + "'")
                    + " is closed");
        }
    }

    private static Snapshot requireDataset(CatalogState state, DatasetName name) {
        Snapshot snapshot = state.dataset(name);
        if (snapshot == null) {
            throw undefined(name);
        }
        return snapshot;
    }

    private static PolaroidException undefined(DatasetName name) {
        return new PolaroidException(ErrorCode.UNDEFINED_TABLE, "dataset " + name + " does not exist");
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, what + " name must not be blank");
        }
    }

    private static RuntimeException addTo(RuntimeException failure, RuntimeException e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }
}
