package io.polaroid.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How much data the datasets of a catalog directory hold on disk, read from its committed
 * {@code catalog.json} and manifests (the file sizes recorded at each dataset's last refresh) without
 * opening the catalog: no lock is taken, so a catalog in use by another process can be measured, and
 * nothing is loaded or cleaned up. Used to choose between a local and a remote connection by data size.
 */
public final class CatalogDataSize {
    /** A concurrent save may delete a manifest between our reads of catalog.json and of it: read again. */
    private static final int READS = 2;

    private CatalogDataSize() {
    }

    /**
     * The summed size in bytes of the data files of every dataset of the catalog in {@code directory}; 0 for
     * a catalog without datasets (or a directory that holds none yet). Empty when the directory does not
     * exist or its catalog cannot be read (corrupt, another format version, unreadable): the size is unknown.
     */
    public static OptionalLong of(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            return OptionalLong.empty();
        }
        for (int read = 1; read <= READS; read++) {
            try {
                return OptionalLong.of(read(directory.toAbsolutePath().normalize()));
            } catch (NoSuchFileException e) {
                // a manifest replaced by a concurrent save: the new catalog.json names its successor
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private static long read(Path directory) throws IOException {
        Path catalogFile = directory.resolve(CatalogDirectory.CATALOG_FILE);
        if (!Files.exists(catalogFile)) {
            return 0;
        }
        Path manifests = directory.resolve(CatalogDirectory.MANIFEST_DIRECTORY);
        long total = 0;
        for (CatalogJson.DatasetEntry entry : CatalogJson.readDefinitions(Files.readAllBytes(catalogFile)).datasets()) {
            Path manifest = directory.resolve(entry.manifest()).normalize();
            if (!manifest.startsWith(manifests)) {
                throw new IOException("manifest '" + entry.manifest() + "' is outside the manifests directory");
            }
            total += CatalogJson.manifestDataBytes(Files.readAllBytes(manifest));
        }
        return total;
    }
}
