package io.polaroid.catalog;

import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.catalog.snapshot.SnapshotFactory;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catalog stored in a directory: {@code catalog.json} (the definitions, see {@link CatalogJson}),
 * {@code manifests/} (one file per dataset snapshot) and {@code catalog.lock}.
 *
 * <p>Saving a new state writes the manifests of new snapshots under fresh names, then replaces
 * {@code catalog.json} durably ({@link DurableFiles}); that rename is the commit point. Until it, the old
 * {@code catalog.json} still references only old manifests; after it, manifests no longer referenced are
 * deleted. A crash in between leaves unreferenced manifests and temp files, which opening deletes.
 * Not thread-safe: the catalog calls it under its writer lock.
 */
final class CatalogDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogDirectory.class);
    static final String CATALOG_FILE = "catalog.json";
    static final String MANIFEST_DIRECTORY = "manifests";

    /** Where a test can make a save fail, to check that a failed save changes nothing. */
    enum SaveStep {
        /** New manifests are written; {@code catalog.json} is not yet replaced. */
        BEFORE_COMMIT,
        /** The new {@code catalog.json} has been renamed into place; the directory is not yet synced. */
        AFTER_COMMIT_RENAME
    }

    /** A hook called at each {@link SaveStep}; throwing from it simulates a disk error there. */
    @FunctionalInterface
    interface SaveHook {
        SaveHook NONE = step -> { };

        void at(SaveStep step) throws IOException;
    }

    private final Path directory;
    private final Path manifests;
    private final DirectoryLock lock;
    private final SaveHook hook;
    /** The manifest file of every snapshot in the committed state. */
    private Map<Snapshot, String> committedManifests = new IdentityHashMap<>();
    /** The committed {@code catalog.json}, to restore if a commit fails after its rename. */
    private byte[] committedDefinitions;

    private CatalogDirectory(Path directory, DirectoryLock lock, SaveHook hook) {
        this.directory = directory;
        this.manifests = directory.resolve(MANIFEST_DIRECTORY);
        this.lock = lock;
        this.hook = hook;
    }

    /** Opens (creating if needed) and locks {@code directory}. */
    static CatalogDirectory open(Path directory, SaveHook hook) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve(MANIFEST_DIRECTORY));
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot create catalog directory '" + absolute + "': " + e, e);
        }
        return new CatalogDirectory(absolute, DirectoryLock.acquire(absolute), hook);
    }

    Path path() {
        return directory;
    }

    /** Reads the stored catalog (empty if none yet) and deletes what a crash may have left behind. */
    CatalogState load(SnapshotFactory factory) {
        Path file = directory.resolve(CATALOG_FILE);
        CatalogState state = CatalogState.empty();
        Map<Snapshot, String> loadedManifests = new IdentityHashMap<>();
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            // A new catalog.
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot read catalog file '" + file + "': " + e, e);
        }
        if (bytes != null) {
            CatalogJson.Definitions definitions;
            try {
                definitions = CatalogJson.readDefinitions(bytes);
            } catch (IOException | RuntimeException e) {
                throw corrupt(file, e);
            }
            for (String schema : definitions.schemas()) {
                state = state.withSchema(schema);
            }
            try {
                for (CatalogJson.DatasetEntry entry : definitions.datasets()) {
                    Snapshot snapshot = readManifest(entry, factory);
                    loadedManifests.put(snapshot, entry.manifest());
                    state = state.withDataset(snapshot);
                }
            } catch (RuntimeException e) {
                state.datasets().values().forEach(Snapshot::release);
                throw e;
            }
        }
        committedManifests = loadedManifests;
        committedDefinitions = bytes;
        deleteLeftovers();
        return state;
    }

    /**
     * Makes {@code state} the stored catalog. On failure throws {@code 58030} and leaves the stored
     * catalog as it was.
     */
    void save(CatalogState state) {
        Map<Snapshot, String> manifestsOf = new IdentityHashMap<>();
        List<Path> written = new ArrayList<>();
        byte[] definitions;
        try {
            List<CatalogJson.DatasetEntry> entries = new ArrayList<>();
            for (Snapshot snapshot : state.datasets().values()) {
                String manifest = committedManifests.get(snapshot);
                if (manifest == null) {
                    manifest = MANIFEST_DIRECTORY + "/" + manifestName(snapshot);
                    Path target = directory.resolve(manifest);
                    DurableFiles.replace(target, CatalogJson.writeManifest(snapshot), DurableFiles.Steps.NONE);
                    written.add(target);
                }
                manifestsOf.put(snapshot, manifest);
                entries.add(new CatalogJson.DatasetEntry(snapshot.name(), snapshot.location(), snapshot.cacheMode(),
                        manifest));
            }
            definitions = CatalogJson.writeDefinitions(
                    new CatalogJson.Definitions(new ArrayList<>(state.schemas().values()), entries));
            hook.at(SaveStep.BEFORE_COMMIT);
        } catch (IOException | RuntimeException e) {
            written.forEach(CatalogDirectory::deleteQuietly);
            throw saveFailed(e);
        }
        commit(definitions, written);
        Set<String> stillReferenced = new HashSet<>(manifestsOf.values());
        committedManifests.values().stream().filter(m -> !stillReferenced.contains(m))
                .forEach(m -> deleteQuietly(directory.resolve(m)));
        committedManifests = manifestsOf;
        committedDefinitions = definitions;
    }

    private void commit(byte[] definitions, List<Path> written) {
        Path file = directory.resolve(CATALOG_FILE);
        try {
            DurableFiles.replace(file, definitions, new DurableFiles.Steps() {
                @Override
                public void beforeRename() {
                }

                @Override
                public void afterRename() throws IOException {
                    hook.at(SaveStep.AFTER_COMMIT_RENAME);
                }
            });
        } catch (IOException | RuntimeException e) {
            // The rename may already have happened: put the committed definitions back so disk matches memory.
            try {
                if (committedDefinitions == null) {
                    Files.deleteIfExists(file);
                } else {
                    DurableFiles.replace(file, committedDefinitions, DurableFiles.Steps.NONE);
                }
                written.forEach(CatalogDirectory::deleteQuietly);
            } catch (IOException | RuntimeException restore) {
                e.addSuppressed(restore);
                LOG.error("catalog file '{}' may hold a change that failed; it will be read on the next open", file, restore);
            }
            throw saveFailed(e);
        }
    }

    private Snapshot readManifest(CatalogJson.DatasetEntry entry, SnapshotFactory factory) {
        Path file = directory.resolve(entry.manifest()).normalize();
        if (!file.startsWith(manifests)) {
            throw corrupt(directory.resolve(CATALOG_FILE), new IOException("manifest '" + entry.manifest()
                    + "' of dataset " + entry.name() + " is outside the manifests directory"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.DATA_CORRUPTED, "cannot read the manifest '" + file + "' of dataset "
                    + entry.name() + ": " + e + "; the catalog directory '" + directory + "' is damaged", e);
        }
        try {
            return CatalogJson.readManifest(bytes, entry, factory);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /** Deletes temp files and manifests that no committed state references. */
    private void deleteLeftovers() {
        Set<Path> referenced = new HashSet<>();
        committedManifests.values().forEach(m -> referenced.add(directory.resolve(m).normalize()));
        for (Path folder : List.of(directory, manifests)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    boolean temp = name.endsWith(DurableFiles.TEMP_SUFFIX);
                    boolean orphanManifest = folder.equals(manifests) && !referenced.contains(entry.normalize());
                    if ((temp || orphanManifest) && Files.isRegularFile(entry)) {
                        LOG.info("deleting leftover catalog file '{}'", entry);
                        deleteQuietly(entry);
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot clean up catalog directory '{}'", folder, e);
            }
        }
    }

    private static String manifestName(Snapshot snapshot) {
        String base = (snapshot.name().schema() + "." + snapshot.name().name()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]", "_");
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base + "-v" + snapshot.version() + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt()) + ".json";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete '{}'", file, e);
        }
    }

    private PolaroidException saveFailed(Exception e) {
        return new PolaroidException(ErrorCode.IO_ERROR, "cannot save the catalog in '" + directory + "': " + e, e);
    }

    private static PolaroidException corrupt(Path file, Exception e) {
        return new PolaroidException(ErrorCode.DATA_CORRUPTED, "catalog file '" + file + "' is corrupt: "
                + e.getMessage(), e);
    }

    @Override
    public void close() {
        lock.close();
    }
}
