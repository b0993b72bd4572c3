package io.polaroid.catalog.location;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place where dataset locations meet the file system: it turns what a user wrote into an absolute
 * location, lists the data files a location names, and checks a file's current size and modification time.
 * Nothing else in the catalog looks up paths, so confining datasets to configured data roots (no {@code ..}
 * or symlink escapes) is a change to this class alone.
 *
 * <p>Listing rules: a file location is taken as is; a directory is searched recursively for
 * {@code *.parquet} files; a glob matches paths below its longest wildcard-free directory. Below that base,
 * names starting with {@code .} or {@code _} ({@code _SUCCESS}, {@code .crc}, {@code _temporary/}) are
 * skipped, as Spark, Hive and DuckDB do. Symbolic links are followed; loops are skipped.
 *
 * <p>Confinement: with {@link DataRoots} configured, every path this class hands out or checks must lie
 * under a root once symbolic links are resolved: the location itself (or a glob's base) when it is
 * resolved, every file a listing finds (a symlink inside a root may point outside it), and every file
 * {@link #stat} checks before a scan reads it (a catalog saved before the roots were configured, or a file
 * swapped for a link since it was listed). Violations are {@code 42501}.
 */
public final class DataLocations {
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final String PARQUET_SUFFIX = ".parquet";

    private final Path workingDirectory;
    private final DataRoots roots;

    /** Locations with no confinement. */
    public DataLocations(Path workingDirectory) {
        this(workingDirectory, DataRoots.unrestricted());
    }

    public DataLocations(Path workingDirectory, DataRoots roots) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath().normalize();
        this.roots = Objects.requireNonNull(roots, "roots");
    }

    /** The directories locations are confined to. */
    public DataRoots roots() {
        return roots;
    }

    /** The size and modification time of a file. */
    public record FileStamp(long size, long lastModifiedMillis) {
    }

    /** Makes {@code location} absolute and decides whether it is a file, a directory or a glob. */
    public ResolvedLocation resolve(String location) {
        Objects.requireNonNull(location, "location");
        String text = location.trim();
        if (text.isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "a dataset location must not be empty");
        }
        Path path = workingDirectory.resolve(toPath(text)).normalize();
        // Checked before anything looks at the file system, so a refusal says nothing about whether a
        // path outside the roots exists. A glob is judged by its wildcard-free base (the walk stays below it).
        roots.requireAllowed(path, text);
        if (Files.isRegularFile(path)) {
            return new ResolvedLocation(path.toString(), ResolvedLocation.Kind.FILE, path, Optional.empty());
        }
        if (Files.isDirectory(path)) {
            return new ResolvedLocation(path.toString(), ResolvedLocation.Kind.DIRECTORY, path, Optional.empty());
        }
        return resolveGlob(location, path);
    }

    /** The data files of {@code location}, sorted by path; {@code 58P01} if there are none. */
    public List<ListedFile> list(ResolvedLocation location) {
        Objects.requireNonNull(location, "location");
        List<ListedFile> files = switch (location.kind()) {
            case FILE -> List.of(listSingleFile(location));
            case DIRECTORY -> walk(location, Integer.MAX_VALUE,
                    relative -> relative.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(PARQUET_SUFFIX));
            case GLOB -> {
                GlobPattern pattern = location.pattern().orElseThrow();
                yield walk(location, pattern.maxDepth(), relative -> pattern.matches(slashJoined(relative)));
            }
        };
        if (files.isEmpty()) {
            String what = location.kind() == ResolvedLocation.Kind.DIRECTORY ? "directory" : "location";
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND,
                    what + " '" + location.text() + "' holds no Parquet files");
        }
        if (roots.restricted()) {
            for (ListedFile file : files) {
                roots.requireAllowed(file.path(), file.path().toString());
            }
        }
        return files;
    }

    /**
     * The current size and modification time of {@code file}, or empty if it no longer exists; {@code 42501}
     * if it is outside the data roots.
     */
    public Optional<FileStamp> stat(Path file) {
        roots.requireAllowed(file, file.toString());
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot read the attributes of file '" + file + "': " + e, e);
        }
    }

    private static Path toPath(String text) {
        try {
            if (URI_SCHEME.matcher(text).matches()) {
                if (text.regionMatches(true, 0, "file://", 0, 7)) {
                    return Path.of(URI.create(text));
                }
                throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "location '" + text + "' is not a local path; only local files are supported");
            }
            return Path.of(text);
        } catch (IllegalArgumentException e) {  // InvalidPathException, or a malformed file: URI
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid location '" + text + "': " + e.getMessage(), e);
        }
    }

    private static ResolvedLocation resolveGlob(String original, Path path) {
        Path base = path.getRoot();
        List<String> patternSegments = new ArrayList<>();
        for (Path element : path) {
            String segment = element.toString();
            if (patternSegments.isEmpty() && !GlobPattern.hasWildcard(segment)) {
                base = base == null ? element : base.resolve(element);
            } else {
                patternSegments.add(segment);
            }
        }
        if (patternSegments.isEmpty() || base == null) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "location '" + original + "' does not exist");
        }
        GlobPattern pattern;
        try {
            pattern = GlobPattern.compile(String.join("/", patternSegments));
        } catch (IllegalArgumentException e) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid location '" + original + "': " + e.getMessage(), e);
        }
        String separator = base.getFileSystem().getSeparator();
        String prefix = base.toString();
        String text = prefix.endsWith(separator) ? prefix + pattern.text() : prefix + separator + pattern.text();
        return new ResolvedLocation(text, ResolvedLocation.Kind.GLOB, base, Optional.of(pattern));
    }

    private ListedFile listSingleFile(ResolvedLocation location) {
        FileStamp stamp = stat(location.base()).orElseThrow(() -> new PolaroidException(ErrorCode.FILE_NOT_FOUND,
                "file '" + location.text() + "' does not exist"));
        return new ListedFile(location.base(), stamp.size(), stamp.lastModifiedMillis(), List.of());
    }

    private interface RelativeFilter {
        boolean accept(Path relative);
    }

    private static List<ListedFile> walk(ResolvedLocation location, int maxDepth, RelativeFilter filter) {
        Path base = location.base();
        if (!Files.isDirectory(base)) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "location '" + location.text()
                    + "' matches no files: directory '" + base + "' does not exist");
        }
        List<ListedFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(base) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path relative = base.relativize(file);
                    if (filter.accept(relative)) {
                        files.add(new ListedFile(file, attrs.size(), attrs.lastModifiedTime().toMillis(), directories(relative)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // A file deleted while we list, or a symlink loop, is simply not part of the dataset.
                    if (e instanceof NoSuchFileException || e instanceof FileSystemLoopException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot list location '" + location.text() + "': " + e, e);
        }
        files.sort(Comparator.comparing(ListedFile::path));
        return files;
    }

    private static boolean isHidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }

    private static List<String> directories(Path relative) {
        List<String> names = new ArrayList<>(relative.getNameCount() - 1);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            names.add(relative.getName(i).toString());
        }
        return names;
    }

    private static String slashJoined(Path relative) {
        StringBuilder joined = new StringBuilder();
        for (Path element : relative) {
            if (joined.length() > 0) {
                joined.append('/');
            }
            joined.append(element);
        }
        return joined.toString();
    }
}
