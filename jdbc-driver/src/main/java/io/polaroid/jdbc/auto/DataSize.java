package io.polaroid.jdbc.auto;

import io.polaroid.catalog.CatalogDataSize;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.location.ListedFile;
import io.polaroid.catalog.location.ResolvedLocation;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * How much data a local mode would read, measured on disk before it is opened:
 * <ul>
 *   <li>arrow: the files {@code path} names — a file's size; for a directory, every regular file below
 *       it (names starting with {@code .} or {@code _} skipped, as the readers skip them); for a glob,
 *       the files it matches;</li>
 *   <li>embedded: the data files of the catalog's datasets, as recorded at their last refresh
 *       ({@link CatalogDataSize}).</li>
 * </ul>
 * Empty when it cannot be measured (the path does not exist, the catalog cannot be read).
 */
final class DataSize {
    private DataSize() {
    }

    static OptionalLong of(ModeName mode, AutoSettings settings) {
        switch (mode) {
            case ARROW:
                return settings.path().map(DataSize::files).orElse(OptionalLong.empty());
            case EMBEDDED:
                return settings.catalog().map(CatalogDataSize::of).orElse(OptionalLong.empty());
            default:
                return OptionalLong.empty();
        }
    }

    /** The size of the files under {@code path} (a file, directory or glob). */
    static OptionalLong files(String path) {
        DataLocations locations = new DataLocations(Path.of("").toAbsolutePath());
        try {
            ResolvedLocation location = locations.resolve(AutoSettings.expandHome(path));
            if (location.kind() == ResolvedLocation.Kind.DIRECTORY) {
                return OptionalLong.of(directory(location.base()));
            }
            return OptionalLong.of(locations.list(location).stream().mapToLong(ListedFile::size).sum());
        } catch (PolaroidException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    private static long directory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> !hidden(directory.relativize(file)))
                    .filter(Files::isRegularFile)
                    .mapToLong(DataSize::size)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            String text = name.toString();
            if (text.startsWith(".") || text.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
