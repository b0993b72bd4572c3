package io.polaroid.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// a safety net, not a performance check: a hung query fails the test instead of the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoDataTest {
    @TempDir
    Path root;

    private final TradesGenerator.Spec spec = TradesGenerator.Spec.of(5_000);

    @Test
    void findsNothingBeforeGenerating() {
        assertEquals(Optional.empty(), new DemoData(root).existing(spec));
    }

    @Test
    void reusesWhatItGenerated() throws Exception {
        DemoData data = new DemoData(root);
        DemoData.Contents generated = data.generate(spec, 2, rows -> { });

        assertEquals(root.resolve("trades"), generated.directory());
        assertEquals(5, generated.files().size());
        assertEquals(Optional.of(generated), data.existing(spec));
        try (Stream<Path> entries = Files.list(root)) {
            assertEquals(List.of(root.resolve("trades")), entries.toList(), "no staging directory left behind");
        }
    }

    @Test
    void doesNotReuseDataOfAnotherSpec() {
        DemoData data = new DemoData(root);
        data.generate(spec, 2, rows -> { });

        assertEquals(Optional.empty(), data.existing(TradesGenerator.Spec.of(6_000)));
    }

    @Test
    void doesNotReuseDataWithAMissingOrChangedFile() throws Exception {
        DemoData data = new DemoData(root);
        DemoData.Contents generated = data.generate(spec, 2, rows -> { });

        Files.write(generated.files().get(1), new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), data.existing(spec));

        data.generate(spec, 2, rows -> { });
        Files.delete(generated.files().get(3));
        assertEquals(Optional.empty(), data.existing(spec));
    }

    @Test
    void doesNotTrustAnUnreadableManifest() throws Exception {
        DemoData data = new DemoData(root);
        data.generate(spec, 2, rows -> { });
        Files.writeString(data.directory().resolve(DemoData.MANIFEST), "rows=\\uZZZZ");

        assertEquals(Optional.empty(), data.existing(spec));
    }

    @Test
    void replacesOldDataWhenGeneratingAgain() throws Exception {
        DemoData data = new DemoData(root);
        data.generate(TradesGenerator.Spec.of(10), 1, rows -> { });
        Path stray = Files.writeString(data.directory().resolve("stray.parquet"), "left from before");

        DemoData.Contents regenerated = data.generate(spec, 2, rows -> { });

        assertFalse(Files.exists(stray), "the directory is replaced, not merged");
        assertTrue(data.existing(spec).isPresent());
        assertEquals(5, regenerated.files().size());
    }
}
