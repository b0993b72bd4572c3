package io.polaroid.catalog.location;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A data file found by listing a location.
 *
 * @param path                absolute path
 * @param directoriesBelowBase names of the directories between the location's base and the file, outermost
 *                            first; hive partitions ({@code year=2024}) are read from them
 */
public record ListedFile(Path path, long size, long lastModifiedMillis, List<String> directoriesBelowBase) {
    public ListedFile {
        Objects.requireNonNull(path, "path");
        directoriesBelowBase = List.copyOf(Objects.requireNonNull(directoriesBelowBase, "directoriesBelowBase"));
    }
}
