package io.polaroid.catalog.files;

import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.location.ListedFile;
import io.polaroid.catalog.location.ResolvedLocation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the tables under a path, by these rules:
 * <ul>
 *   <li>a file is one table named after its stem ({@code trades.csv} → {@code trades}); a file of an
 *       unsupported kind named directly is an error;</li>
 *   <li>a directory: each supported file directly in it is a table named after its stem, and each
 *       sub-directory holding Parquet files (at any depth, hive partitions included) is one table named
 *       after the sub-directory; other files and directories are ignored, as are names starting with
 *       {@code .} or {@code _};</li>
 *   <li>a glob: each matching supported file is a table named after its stem.</li>
 * </ul>
 * Names are matched case-insensitively. When two entries share a name ({@code trades.parquet} and
 * {@code trades.csv}), neither is served — choosing one silently would answer queries from data the user
 * did not mean — and a note names both, so the connection can warn.
 */
public final class FileDiscovery {

    /**
     * What a path holds.
     *
     * @param location the path made absolute
     * @param tables   the tables, sorted by name
     * @param notes    what the user should know: ambiguous names, nothing found
     */
    public record FileTree(String location, List<FileTable> tables, List<String> notes) {
        public FileTree {
            Objects.requireNonNull(location, "location");
            tables = List.copyOf(tables);
            notes = List.copyOf(notes);
        }
    }

    private FileDiscovery() {
    }

    /**
     * Lists the tables of {@code target} (a file, directory or glob; relative to the locations' working
     * directory). {@code 58P01} if it does not exist, {@code 0A000} for a single file of an unsupported kind.
     */
    public static FileTree discover(String target, DataLocations locations) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(locations, "locations");
        ResolvedLocation resolved = locations.resolve(target);
        List<FileTable> found = switch (resolved.kind()) {
            case FILE -> List.of(singleFile(resolved.base()));
            case DIRECTORY -> directoryEntries(resolved, locations);
            case GLOB -> globMatches(resolved, locations);
        };
        Map<DatasetName, List<FileTable>> byName = new LinkedHashMap<>();
        for (FileTable table : found) {
            byName.computeIfAbsent(table.name().key(), key -> new ArrayList<>()).add(table);
        }
        List<FileTable> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (List<FileTable> sameName : byName.values()) {
            if (sameName.size() == 1) {
                tables.add(sameName.get(0));
            } else {
                notes.add("table name '" + sameName.get(0).name().name() + "' is ambiguous: "
                        + sameName.stream().map(t -> "'" + t.location() + "'").toList()
                        + " all have it, so none of them is served; rename one, or connect to the file itself");
            }
        }
        if (found.isEmpty()) {
            notes.add("'" + resolved.text() + "' holds no data files (" + FileFormat.allExtensions()
                    + ", or directories of .parquet files): there are no tables");
        }
        tables.sort(Comparator.comparing(t -> t.name().key().name()));
        return new FileTree(resolved.text(), tables, notes);
    }

    private static FileTable singleFile(Path file) {
        FileFormat format = FileFormat.of(file).orElseThrow(() -> new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "file '" + file + "' is not a data file this driver reads; supported: " + FileFormat.allExtensions()));
        return table(file, format);
    }

    private static FileTable table(Path location, FileFormat format) {
        String name = Files.isDirectory(location) ? location.getFileName().toString() : FileFormat.stem(location);
        return new FileTable(DatasetName.of(name), location, format);
    }

    private static List<FileTable> directoryEntries(ResolvedLocation directory, DataLocations locations) {
        List<Path> entries;
        try (Stream<Path> children = Files.list(directory.base())) {
            entries = children.filter(path -> !isHidden(path)).sorted().toList();
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot list directory '" + directory.text() + "': " + e, e);
        }
        List<FileTable> tables = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                if (holdsParquet(entry, locations)) {
                    tables.add(table(entry, FileFormat.PARQUET));
                }
            } else if (Files.isRegularFile(entry)) {
                FileFormat.of(entry).ifPresent(format -> tables.add(table(entry, format)));
            }
        }
        return tables;
    }

    private static boolean holdsParquet(Path directory, DataLocations locations) {
        try {
            return !locations.list(locations.resolve(directory.toString())).isEmpty();
        } catch (PolaroidException e) {
            if (e.code() == ErrorCode.FILE_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static List<FileTable> globMatches(ResolvedLocation glob, DataLocations locations) {
        List<ListedFile> files;
        try {
            files = locations.list(glob);
        } catch (PolaroidException e) {
            if (e.code() == ErrorCode.FILE_NOT_FOUND && Files.isDirectory(glob.base())) {
                return List.of();
            }
            throw e;
        }
        List<FileTable> tables = new ArrayList<>();
        for (ListedFile file : files) {
            FileFormat.of(file.path()).ifPresent(format -> tables.add(table(file.path(), format)));
        }
        return tables;
    }

    private static boolean isHidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }
}
