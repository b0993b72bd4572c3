package io.polaroid.cli.demo;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The demo's Parquet files in {@code <data-root>/trades/}, with a manifest ({@value #MANIFEST}; the catalog
 * skips files whose names start with {@code _}) recording what generated them. Data whose manifest matches
 * the wanted {@link TradesGenerator.Spec} and whose files are all there with their recorded sizes is reused.
 * Otherwise it is generated again into a hidden sibling directory and swapped in, so an interrupted run
 * never leaves half-written data where the next run would trust it.
 */
public final class DemoData {
    public static final String DATASET_DIRECTORY = "trades";
    static final String MANIFEST = "_polaroid-demo.properties";
    /** Bump when the generator changes what it writes: data of an older version is regenerated. */
    static final int GENERATOR_VERSION = 1;

    /**
     * Demo data on disk.
     *
     * @param directory the dataset directory, which {@code CREATE DATASET} registers
     * @param spec      what generated it
     * @param files     its Parquet files, in day order
     * @param bytes     their total size
     */
    public record Contents(Path directory, TradesGenerator.Spec spec, List<Path> files, long bytes) {
        public Contents {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(spec, "spec");
            files = List.copyOf(files);
        }
    }

    private final Path root;

    /** @param root the directory holding the demo's datasets, e.g. {@code ~/.polaroid/demo-data} */
    public DemoData(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path directory() {
        return root.resolve(DATASET_DIRECTORY);
    }

    /** The data already in {@link #directory()}, if {@code spec} generated it and it is intact. */
    public Optional<Contents> existing(TradesGenerator.Spec spec) {
        Objects.requireNonNull(spec, "spec");
        Path manifestFile = directory().resolve(MANIFEST);
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unreadable: generate again
        }
        if (!describe(spec).equals(without(manifest, "file."))) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; manifest.containsKey("file." + i + ".name"); i++) {
            Path file = directory().resolve(manifest.getProperty("file." + i + ".name"));
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (!Long.toString(size).equals(manifest.getProperty("file." + i + ".size"))) {
                return Optional.empty();
            }
            files.add(file);
            bytes += size;
        }
        return files.size() == spec.days() ? Optional.of(new Contents(directory(), spec, files, bytes))
                : Optional.empty();
    }

    /**
     * Generates {@code spec}'s data and puts it in place of whatever {@link #directory()} held.
     *
     * @param rowsWritten told the rows of each batch as it is written (from the writing threads)
     */
    public Contents generate(TradesGenerator.Spec spec, int threads, LongConsumer rowsWritten) {
        Objects.requireNonNull(spec, "spec");
        Path staging = root.resolve("." + DATASET_DIRECTORY + "-" + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(root);
            deleteTree(staging);
            Files.createDirectories(staging);
            List<Path> staged = new TradesGenerator(spec).write(staging, threads, rowsWritten);
            Properties manifest = describe(spec);
            long bytes = 0;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < staged.size(); i++) {
                long size = Files.size(staged.get(i));
                manifest.setProperty("file." + i + ".name", staged.get(i).getFileName().toString());
                manifest.setProperty("file." + i + ".size", Long.toString(size));
                bytes += size;
                files.add(directory().resolve(staged.get(i).getFileName()));
            }
            try (OutputStream out = Files.newOutputStream(staging.resolve(MANIFEST))) {
                manifest.store(out, "Polaroid demo data: regenerated when this does not match the wanted data");
            }
            swapIn(staging);
            return new Contents(directory(), spec, files, bytes);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR,
                    "cannot write the demo data in '" + root + "': " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // a leftover hidden directory is harmless and deleted by the next run
            }
        }
    }

    /** Replaces the dataset directory with {@code staging}: the old one moves aside first, then goes. */
    private void swapIn(Path staging) throws IOException {
        Path target = directory();
        Path old = root.resolve("." + DATASET_DIRECTORY + "-" + ProcessHandle.current().pid() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static Properties describe(TradesGenerator.Spec spec) {
        Properties properties = new Properties();
        properties.setProperty("generator.version", Integer.toString(GENERATOR_VERSION));
        properties.setProperty("rows", Long.toString(spec.rows()));
        properties.setProperty("days", Integer.toString(spec.days()));
        properties.setProperty("first.day", spec.firstDay().toString());
        properties.setProperty("seed", Long.toString(spec.seed()));
        return properties;
    }

    private static Properties without(Properties properties, String prefix) {
        Properties kept = new Properties();
        properties.stringPropertyNames().stream().filter(name -> !name.startsWith(prefix))
                .forEach(name -> kept.setProperty(name, properties.getProperty(name)));
        return kept;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
