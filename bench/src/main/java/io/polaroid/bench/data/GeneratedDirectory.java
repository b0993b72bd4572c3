package io.polaroid.bench.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory of generated data that later runs reuse while its specification is unchanged.
 *
 * <p>Generation writes into a sibling work directory, writes a marker holding the specification last, and
 * then renames the work directory into place: an interrupted generation leaves no directory that looks
 * complete, and a changed specification (more rows, another seed) regenerates instead of reusing.
 */
public final class GeneratedDirectory {
    private static final String MARKER = ".generated";

    /** Fills an empty directory. */
    @FunctionalInterface
    public interface Generator {
        void generate(Path directory) throws IOException;
    }

    private GeneratedDirectory() {
    }

    /**
     * Returns {@code directory}, generated first unless its marker holds {@code specification}.
     *
     * @throws UncheckedIOException when the directory cannot be written
     */
    public static Path ensure(Path directory, String specification, Generator generator, PrintStream log) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(log, "log");
        try {
            Path marker = directory.resolve(MARKER);
            if (Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(specification)) {
                return directory;
            }
            Path work = directory.resolveSibling(directory.getFileName() + ".partial");
            deleteRecursively(work);
            Files.createDirectories(work);
            log.printf(Locale.ROOT, "generating %s (%s) ...%n", directory, specification);
            long start = System.nanoTime();
            generator.generate(work);
            Files.writeString(work.resolve(MARKER), specification, StandardCharsets.UTF_8);
            deleteRecursively(directory);
            Files.move(work, directory, StandardCopyOption.ATOMIC_MOVE);
            log.printf(Locale.ROOT, "generated %s in %.1f s%n", directory, (System.nanoTime() - start) / 1e9);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or directory tree; nothing happens when it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
