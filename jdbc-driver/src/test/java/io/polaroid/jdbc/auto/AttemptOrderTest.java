package io.polaroid.jdbc.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.config.ConnectionUrl;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which modes are tried: explicit mode first, else the fallback chain, reordered by
 * {@code dataSizeThresholdMb} against the size of the local data measured on disk (real files here).
 */
class AttemptOrderTest {
    private static final long MIB = 1L << 20;
    private static final List<ModeName> REMOTE_FIRST = List.of(ModeName.REMOTE, ModeName.EMBEDDED, ModeName.ARROW);
    private static final List<ModeName> LOCAL_FIRST = List.of(ModeName.EMBEDDED, ModeName.ARROW, ModeName.REMOTE);

    @TempDir
    Path directory;

    private static AttemptOrder order(String properties) throws SQLException {
        AutoSettings settings = AutoSettings.from(ConnectionUrl.parse("jdbc:polaroid:auto:" + properties, null),
                Map.<String, String>of()::get);
        return AttemptOrder.of(settings, mode -> Target.of(mode, settings) instanceof Target.Ready,
                mode -> DataSize.of(mode, settings));
    }

    /** A file of exactly {@code bytes} bytes (sparse: nothing is written). */
    private Path file(String name, long bytes) throws IOException {
        Path file = directory.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(bytes);
        }
        return file;
    }

    @Test
    void dataLargerThanTheThresholdPrefersRemoteAndAtMostItPrefersLocal() throws Exception {
        Path data = file("trades.parquet", 3 * MIB);
        String base = ";server=h:1;path=" + data + ";dataSizeThresholdMb=";
        AttemptOrder larger = order(base + 2);
        assertEquals(REMOTE_FIRST, larger.modes());
        assertTrue(larger.reason().contains("3.0 MiB > dataSizeThresholdMb 2: remote first"), larger.reason());
        AttemptOrder equal = order(base + 3);
        assertEquals(LOCAL_FIRST, equal.modes(), "exactly the threshold is not larger: local");
        assertTrue(equal.reason().contains("<= dataSizeThresholdMb 3: local modes first"), equal.reason());
        assertEquals(LOCAL_FIRST, order(base + 100).modes());
        assertEquals(REMOTE_FIRST, order(base + 0).modes());
    }

    @Test
    void localModesKeepTheirChainOrderWhenMovedAheadOfRemote() throws Exception {
        Path data = file("small.csv", MIB);
        assertEquals(List.of(ModeName.ARROW, ModeName.EMBEDDED, ModeName.REMOTE),
                order(";server=h:1;path=" + data + ";dataSizeThresholdMb=5;fallback=remote,arrow,embedded").modes());
        assertEquals(List.of(ModeName.REMOTE, ModeName.ARROW),
                order(";server=h:1;path=" + data + ";dataSizeThresholdMb=0;fallback=arrow,remote").modes());
    }

    @Test
    void aDirectoryCountsEveryFileBelowItButHiddenOnes() throws Exception {
        Files.createDirectories(directory.resolve("year=2024"));
        file("year=2024/a.parquet", 2 * MIB);
        file("b.arrow", MIB);
        file("_SUCCESS", 50 * MIB);
        Files.createDirectories(directory.resolve(".cache"));
        file(".cache/c.parquet", 50 * MIB);
        assertEquals(OptionalLong.of(3 * MIB), DataSize.files(directory.toString()));
        assertEquals(OptionalLong.of(2 * MIB), DataSize.files(directory + "/*/*.parquet"));
        assertEquals(OptionalLong.empty(), DataSize.files(directory + "/missing"));
    }

    @Test
    void theCatalogsDatasetsAreMeasuredWithoutOpeningIt() throws Exception {
        Path catalog = directory.resolve("catalog");
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid:embedded:" + catalog);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATASET trades FROM '" + TestData.file("trades") + "'");
            statement.execute("CREATE DATASET symbols FROM '" + TestData.file("symbols") + "'");
            long expected = Files.size(TestData.file("trades")) + Files.size(TestData.file("symbols"));
            // measured while another connection holds the catalog open, as a running server would
            AutoSettings settings = AutoSettings.from(ConnectionUrl.parse("jdbc:polaroid:auto:;catalog=" + catalog,
                    null), name -> null);
            assertEquals(OptionalLong.of(expected), DataSize.of(ModeName.EMBEDDED, settings));
        }
        AttemptOrder order = order(";server=h:1;catalog=" + catalog + ";dataSizeThresholdMb=0");
        assertEquals(REMOTE_FIRST, order.modes());
        assertTrue(order.reason().contains("the embedded data holds"), order.reason());
    }

    @Test
    void anEmptyCatalogHoldsNothingAndACorruptOneCannotBeMeasured() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("empty"));
        assertEquals(LOCAL_FIRST, order(";server=h:1;catalog=" + empty + ";dataSizeThresholdMb=0").modes());
        Path corrupt = Files.createDirectories(directory.resolve("corrupt"));
        Files.writeString(corrupt.resolve("catalog.json"), "{not json");
        AttemptOrder order = order(";server=h:1;catalog=" + corrupt + ";dataSizeThresholdMb=0;fallback=embedded,remote");
        assertEquals(List.of(ModeName.EMBEDDED, ModeName.REMOTE), order.modes(), "unmeasured: the chain order stays");
        assertTrue(order.reason().contains("could not be measured"), order.reason());
    }

    @Test
    void theFirstLocalModeWithItsInputIsMeasured() throws Exception {
        Path data = file("big.parquet", 10 * MIB);
        // no catalog given: embedded has no input, so arrow's path is measured
        assertEquals(List.of(ModeName.REMOTE, ModeName.EMBEDDED, ModeName.ARROW),
                order(";server=h:1;path=" + data + ";dataSizeThresholdMb=5").modes());
    }

    @Test
    void theThresholdDoesNotOverrideAnExplicitModeOrApplyWithoutRemoteOrData() throws Exception {
        Path data = file("big.parquet", 10 * MIB);
        assertEquals(List.of(ModeName.ARROW, ModeName.REMOTE, ModeName.EMBEDDED),
                order(";mode=arrow;server=h:1;path=" + data + ";dataSizeThresholdMb=1").modes());
        assertEquals(List.of(ModeName.EMBEDDED, ModeName.ARROW),
                order(";path=" + data + ";dataSizeThresholdMb=1;fallback=embedded,arrow").modes());
        AttemptOrder nothingLocal = order(";server=h:1;dataSizeThresholdMb=1;fallback=arrow,remote");
        assertEquals(List.of(ModeName.ARROW, ModeName.REMOTE), nothingLocal.modes());
        assertTrue(nothingLocal.reason().contains("no local data"), nothingLocal.reason());
    }
}
