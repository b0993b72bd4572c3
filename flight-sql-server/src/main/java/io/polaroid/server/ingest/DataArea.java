package io.polaroid.server.ingest;

import io.polaroid.catalog.DatasetName;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory that holds the data of datasets created by bulk ingest:
 * {@code <root>/<schema>/<dataset>-<id>/part-*.parquet}, one directory per version of a dataset's data (a
 * replace writes a new one), and {@code <root>/_staging/} where uploads are written before they become
 * visible.
 *
 * <p>An upload is written into a staging directory; only a complete upload is renamed to its final place
 * (atomic, same file system) and then registered. A crash or a failed upload leaves at most a staging
 * directory, and a replaced or dropped dataset leaves its old directory: {@link #sweep} deletes both when
 * the server starts and stops, when no query can still be reading them.
 */
public final class DataArea {
    private static final Logger LOG = LoggerFactory.getLogger(DataArea.class);
    static final String STAGING = "_staging";

    private final Path root;

    public DataArea(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A new, empty staging directory. */
    public Path newStaging() {
        Path staging = root.resolve(STAGING).resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot create staging directory '" + staging + "': " + e, e);
        }
        return staging;
    }

    /** Renames a complete staging directory to the new data directory of {@code dataset}; returns it. */
    public Path publish(Path staging, DatasetName dataset) {
        Path schemaDirectory = root.resolve(safeName(dataset.schema()));
        Path target = schemaDirectory.resolve(safeName(dataset.name()) + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(schemaDirectory);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot move the data of dataset " + dataset
                    + " from '" + staging + "' to '" + target + "': " + e, e);
        }
        return target;
    }

    /** Whether {@code directory} is a data directory of this area (so deleting it harms no one else's files). */
    public boolean owns(Path directory) {
        Path normalized = directory.toAbsolutePath().normalize();
        return normalized.startsWith(root) && normalized.getNameCount() == root.getNameCount() + 2
                && !normalized.getName(root.getNameCount()).toString().equals(STAGING);
    }

    /**
     * Deletes every staging directory and every data directory that none of {@code locations} (the
     * locations of the registered datasets) is or lies in. Call it only when no query runs.
     */
    public void sweep(Collection<String> locations) {
        if (!Files.isDirectory(root)) {
            return;
        }
        deleteTree(root.resolve(STAGING));
        try (DirectoryStream<Path> schemas = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path schema : schemas) {
                if (schema.getFileName().toString().equals(STAGING)) {
                    continue;
                }
                try (DirectoryStream<Path> datasets = Files.newDirectoryStream(schema, Files::isDirectory)) {
                    for (Path dataset : datasets) {
                        if (!referenced(dataset, locations)) {
                            LOG.info("deleting '{}': no dataset uses it any more", dataset);
                            deleteTree(dataset);
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot clean up the ingest directory '{}'", root, e);
        }
    }

    private static boolean referenced(Path directory, Collection<String> locations) {
        for (String location : locations) {
            try {
                Path path = Path.of(location).toAbsolutePath().normalize();
                if (path.startsWith(directory) || directory.startsWith(path)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a glob with characters no path may hold: it is not inside this directory either
            }
        }
        return false;
    }

    /** Deletes {@code directory} and everything in it; missing is fine. Failures are logged. */
    public static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete '{}'", directory, e);
        }
    }

    /** A file-name-safe form of a schema or dataset name: lower case, letters, digits, '_' and '-'. */
    static String safeName(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        if (safe.startsWith("_") || safe.startsWith(".")) {
            safe = "d" + safe;  // names starting with '_' or '.' are hidden from dataset listings
        }
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
