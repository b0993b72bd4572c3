package io.polaroid.catalog.location;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The directories SQL may read data files from ({@code --data-root}); no roots means no restriction.
 *
 * <p>A path is allowed when its <em>real</em> path (symbolic links resolved by the file system, not by
 * text) lies under the real path of a root. Comparing real paths is what closes the two classic escapes:
 * {@code ..} segments (gone once the path is absolute and normalized) and a symlink inside a root that
 * points outside it (its real path is outside). A path that does not exist yet (a glob's base, a file
 * about to be listed) is judged by the real path of its deepest existing ancestor plus the rest, so a
 * missing file below a symlinked directory cannot slip through either.
 */
public final class DataRoots {
    private static final DataRoots UNRESTRICTED = new DataRoots(List.of());
    /** Linux gives up after 40 links (ELOOP); so do we when following dangling ones by hand. */
    private static final int MAX_LINK_HOPS = 40;

    private final List<Path> roots;

    private DataRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** No confinement: every local path is allowed (the embedded driver's default). */
    public static DataRoots unrestricted() {
        return UNRESTRICTED;
    }

    /**
     * Confines to {@code directories}, each resolved to its real path now; an empty collection means
     * unrestricted. {@code 58P01} if a root does not exist or is not a directory: a typo in
     * {@code --data-root} must stop the server, not silently allow nothing.
     */
    public static DataRoots of(Collection<Path> directories) {
        Objects.requireNonNull(directories, "directories");
        List<Path> real = new ArrayList<>(directories.size());
        for (Path directory : directories) {
            Objects.requireNonNull(directory, "directory");
            Path absolute = directory.toAbsolutePath().normalize();
            try {
                Path resolved = absolute.toRealPath();
                if (!Files.isDirectory(resolved)) {
                    throw new PolaroidException(ErrorCode.FILE_NOT_FOUND,
                            "data root '" + directory + "' is not a directory");
                }
                if (!real.contains(resolved)) {
                    real.add(resolved);
                }
            } catch (NoSuchFileException e) {
                throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "data root '" + directory + "' does not exist", e);
            } catch (IOException e) {
                throw new PolaroidException(ErrorCode.IO_ERROR, "cannot resolve data root '" + directory + "': " + e, e);
            }
        }
        return real.isEmpty() ? UNRESTRICTED : new DataRoots(real);
    }

    /** Whether any root is configured. */
    public boolean restricted() {
        return !roots.isEmpty();
    }

    /** The roots as real paths, in the order given. */
    public List<Path> roots() {
        return roots;
    }

    /**
     * Returns normally if {@code path} (absolute and normalized) lies under a root once symbolic links are
     * resolved; otherwise throws {@code 42501} naming {@code asWritten}, where it really leads, and the
     * allowed roots.
     *
     * @param path      the path the caller is about to read or list
     * @param asWritten what the user wrote (a location, a glob), for the message
     */
    public void requireAllowed(Path path, String asWritten) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(asWritten, "asWritten");
        if (roots.isEmpty()) {
            return;
        }
        Path lexical = path.toAbsolutePath().normalize();
        Path real = realPath(lexical);
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return;
            }
        }
        // Say where a link inside a root leads (the user's puzzle), but describe nothing of the file system
        // outside the roots for a path that was outside to begin with.
        boolean linkEscape = roots.stream().anyMatch(lexical::startsWith);
        String shown = linkEscape ? " (a symbolic link leads to '" + real + "')"
                : lexical.toString().equals(asWritten) ? "" : " (that is '" + lexical + "')";
        throw new PolaroidException(ErrorCode.INSUFFICIENT_PRIVILEGE, "location '" + asWritten + "'" + shown
                + " is outside the allowed data roots: " + describe());
    }

    /** The roots for messages: {@code '/data', '/srv/parquet'}. */
    public String describe() {
        return roots.stream().map(root -> "'" + root + "'").collect(Collectors.joining(", "));
    }

    /**
     * The real path of {@code path}, or of its deepest existing ancestor with the missing rest appended. A
     * dangling symbolic link is followed to where it points, so a link to a file that does not exist yet
     * outside the roots is judged by its target, not by where the link sits.
     */
    private static Path realPath(Path path) {
        Path existing = path;
        List<Path> missing = new ArrayList<>();
        int hops = 0;
        while (existing != null && hops <= MAX_LINK_HOPS) {
            try {
                Path real = existing.toRealPath();
                for (int i = missing.size() - 1; i >= 0; i--) {
                    real = real.resolve(missing.get(i));
                }
                return real;
            } catch (NoSuchFileException e) {
                if (Files.isSymbolicLink(existing)) {
                    existing = readLink(existing);
                    hops++;
                } else {
                    missing.add(existing.getFileName());
                    existing = existing.getParent();
                }
            } catch (IOException e) {
                throw new PolaroidException(ErrorCode.IO_ERROR, "cannot resolve path '" + path + "': " + e, e);
            }
        }
        // A chain of dangling links too long to follow: treat as leading nowhere allowed.
        throw new PolaroidException(ErrorCode.IO_ERROR, "cannot resolve path '" + path + "': too many symbolic links");
    }

    private static Path readLink(Path link) {
        Path target;
        try {
            target = Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot read symbolic link '" + link + "': " + e, e);
        }
        Path parent = link.getParent();
        return (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return roots.isEmpty() ? "DataRoots{unrestricted}" : "DataRoots{" + describe() + "}";
    }
}
