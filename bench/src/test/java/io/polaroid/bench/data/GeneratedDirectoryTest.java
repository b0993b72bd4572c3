package io.polaroid.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDirectoryTest {
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path temp;

    @Test
    void generatesOnceAndReusesWhileTheSpecificationIsTheSame() {
        Path directory = temp.resolve("data");
        AtomicInteger generations = new AtomicInteger();
        GeneratedDirectory.Generator generator = into -> {
            generations.incrementAndGet();
            Files.writeString(into.resolve("file.parquet"), "rows");
        };
        GeneratedDirectory.ensure(directory, "rows=10", generator, log);
        GeneratedDirectory.ensure(directory, "rows=10", generator, log);
        assertEquals(1, generations.get());
        assertTrue(Files.exists(directory.resolve("file.parquet")));

        GeneratedDirectory.ensure(directory, "rows=20", generator, log);
        assertEquals(2, generations.get(), "another specification regenerates");
    }

    @Test
    void aFailedGenerationLeavesNothingThatLooksComplete() throws IOException {
        Path directory = temp.resolve("data");
        GeneratedDirectory.Generator failing = into -> {
            Files.writeString(into.resolve("half.parquet"), "half");
            throw new IOException("disk full");
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> GeneratedDirectory.ensure(directory, "rows=10", failing, log));
        assertTrue(e.getMessage().contains("disk full"));
        assertFalse(Files.exists(directory));

        AtomicInteger generations = new AtomicInteger();
        GeneratedDirectory.ensure(directory, "rows=10", into -> generations.incrementAndGet(), log);
        assertEquals(1, generations.get(), "the next run generates again");
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "only the marker: the half-written file of the failed run is gone");
        }
    }

    @Test
    void deletingSomethingAbsentIsNoError() throws IOException {
        GeneratedDirectory.deleteRecursively(temp.resolve("absent"));
        Files.createDirectories(temp.resolve("tree/a/b"));
        Files.writeString(temp.resolve("tree/a/b/f"), "x");
        GeneratedDirectory.deleteRecursively(temp.resolve("tree"));
        assertFalse(Files.exists(temp.resolve("tree")));
    }
}
