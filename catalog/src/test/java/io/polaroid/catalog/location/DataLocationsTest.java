package io.polaroid.catalog.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocationsTest {
    @TempDir
    Path root;

    private Path touch(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    private List<String> listed(String location) {
        DataLocations locations = new DataLocations(root);
        return locations.list(locations.resolve(location)).stream().map(f -> root.relativize(f.path()).toString()).toList();
    }

    @Test
    void relativeLocationsResolveAgainstTheWorkingDirectory() throws IOException {
        touch("data/a.parquet");
        ResolvedLocation resolved = new DataLocations(root).resolve("data/../data/a.parquet");
        assertEquals(ResolvedLocation.Kind.FILE, resolved.kind());
        assertEquals(root.resolve("data/a.parquet").toString(), resolved.text());
        assertTrue(Path.of(resolved.text()).isAbsolute());
    }

    @Test
    void fileUrisAreLocalPaths() throws IOException {
        Path file = touch("a.parquet");
        assertEquals(file.toString(), new DataLocations(root).resolve(file.toUri().toString()).text());
    }

    @Test
    void remoteUrisAreRejected() {
        PolaroidException e = assertThrows(PolaroidException.class, () -> new DataLocations(root).resolve("s3://bucket/x"));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code());
    }

    @Test
    void directoryListsParquetFilesRecursivelySkippingHiddenOnes() throws IOException {
        touch("d/b.parquet");
        touch("d/sub/a.PARQUET");
        touch("d/_SUCCESS");
        touch("d/.a.parquet.crc");
        touch("d/.hidden.parquet");
        touch("d/_temporary/c.parquet");
        touch("d/notes.txt");
        assertEquals(List.of("d/b.parquet", "d/sub/a.PARQUET"), listed("d"));
    }

    @Test
    void globMatchesBelowItsBaseAndKeepsThePatternInTheLocation() throws IOException {
        touch("t/trades_2024-01.parquet");
        touch("t/trades_2024-02.parquet");
        touch("t/trades_2023-12.parquet");
        touch("t/x/trades_2024-03.parquet");
        assertEquals(List.of("t/trades_2024-01.parquet", "t/trades_2024-02.parquet"), listed("t/trades_2024-*.parquet"));
        ResolvedLocation resolved = new DataLocations(root).resolve("t/trades_2024-*.parquet");
        assertEquals(ResolvedLocation.Kind.GLOB, resolved.kind());
        assertEquals(root.resolve("t").toString() + "/trades_2024-*.parquet", resolved.text());
        assertEquals(root.resolve("t"), resolved.base());
    }

    @Test
    void recursiveGlobIncludesTheBaseDirectoryAndRecordsPartitionDirectories() throws IOException {
        touch("h/top.parquet");
        touch("h/year=2024/month=01/a.parquet");
        touch("h/year=2024/_tmp.parquet");
        DataLocations locations = new DataLocations(root);
        List<ListedFile> files = locations.list(locations.resolve(root.resolve("h") + "/**/*.parquet"));
        assertEquals(2, files.size());
        assertEquals(List.of(), files.get(0).directoriesBelowBase());
        assertEquals(List.of("year=2024", "month=01"), files.get(1).directoriesBelowBase());
        assertEquals(List.of("h/year=2024/month=01/a.parquet"), listed("h/year=*/month=*/*.parquet"));
    }

    @Test
    void missingLocationsAndEmptyMatchesFailWithFileNotFound() throws IOException {
        Files.createDirectories(root.resolve("empty"));
        touch("t/a.csv");
        for (String location : List.of("nope.parquet", "nope/*.parquet", "empty", "t/*.parquet")) {
            PolaroidException e = assertThrows(PolaroidException.class, () -> listed(location), location);
            assertEquals(ErrorCode.FILE_NOT_FOUND, e.code(), location);
            assertTrue(e.getMessage().contains(location.replace("/*.parquet", "")), e.getMessage());
        }
    }

    @Test
    void emptyAndMalformedLocationsAreInvalid() {
        DataLocations locations = new DataLocations(root);
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(PolaroidException.class, () -> locations.resolve("  ")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(PolaroidException.class, () -> locations.resolve("x/a[b.parquet")).code());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(PolaroidException.class, () -> locations.resolve("a\u0000b")).code());
    }

    @Test
    void statReportsSizeAndAbsence() throws IOException {
        Path file = touch("s.parquet");
        DataLocations locations = new DataLocations(root);
        assertEquals(1, locations.stat(file).orElseThrow().size());
        Files.delete(file);
        assertTrue(locations.stat(file).isEmpty());
    }
}
