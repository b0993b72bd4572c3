package io.polaroid.catalog.location;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset location made absolute.
 *
 * @param text    the absolute location as stored in the catalog (a glob keeps its pattern)
 * @param kind    what the location names
 * @param base    the file itself, the directory, or the glob's longest directory prefix without wildcards;
 *                hive partition directories are read from the path below it
 * @param pattern for a glob, the wildcard part relative to {@code base}
 */
public record ResolvedLocation(String text, Kind kind, Path base, Optional<GlobPattern> pattern) {

    public enum Kind { FILE, DIRECTORY, GLOB }

    public ResolvedLocation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(pattern, "pattern");
        if ((kind == Kind.GLOB) != pattern.isPresent()) {
            throw new IllegalArgumentException("a pattern is required for, and only for, a glob: " + text);
        }
    }
}
