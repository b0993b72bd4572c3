package io.polaroid.cli;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog DIR} option shared by every command that opens a catalog, and the checks that turn a
 * mistyped directory into a clear error instead of a new catalog somewhere unexpected.
 */
public final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Catalog directory (default: $POLAROID_HOME, else ~/.polaroid/catalog).")
    private String directory;

    /**
     * The catalog directory to open; the engine creates it when it is new. An explicit directory may be new,
     * but its parent must exist (a typo should not silently create a tree); the default location may be
     * created with its parents.
     *
     * @throws PolaroidException 58P01 if the parent of a new directory is missing, 58030 if the path is a
     *                           file, 22023 if the path cannot be written into a JDBC URL
     */
    public Path resolve(PolaroidHome home) {
        Optional<String> explicit = Optional.ofNullable(directory).filter(value -> !value.isBlank());
        Path path = explicit.map(home::expandHome).orElseGet(home::defaultCatalog).toAbsolutePath().normalize();
        if (path.toString().indexOf(';') >= 0) {
            // the JDBC URL ends its target at the first ';' (properties follow)
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "catalog directory '" + path + "' contains ';', which a JDBC URL cannot hold");
        }
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                throw new PolaroidException(ErrorCode.IO_ERROR,
                        "catalog directory '" + path + "' is a file, not a directory");
            }
            return path;
        }
        boolean isDefault = explicit.isEmpty() && home.defaultCatalog().toAbsolutePath().normalize().equals(path);
        Path parent = path.getParent();
        if (!isDefault && parent != null && !Files.isDirectory(parent)) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "cannot create catalog directory '" + path
                    + "': its parent directory '" + parent + "' does not exist");
        }
        return path;
    }

    /** The embedded JDBC URL of {@code catalogDirectory}. */
    public static String jdbcUrl(Path catalogDirectory) {
        return "jdbc:polaroid:embedded:" + catalogDirectory;
    }
}
