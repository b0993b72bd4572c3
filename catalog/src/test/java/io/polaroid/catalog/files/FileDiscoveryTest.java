package io.polaroid.catalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.location.DataLocations;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {
    @TempDir
    Path temp;

    private FileDiscovery.FileTree discover(String target) {
        return FileDiscovery.discover(target, new DataLocations(temp));
    }

    private static List<String> names(FileDiscovery.FileTree tree) {
        return tree.tables().stream().map(t -> t.name().name() + ":" + t.format()).toList();
    }

    @Test
    void filesAreTablesByStemAndParquetDirectoriesByName() throws Exception {
        Files.writeString(temp.resolve("b.CSV"), "x\n");
        Files.writeString(temp.resolve("a.feather"), "");
        Files.writeString(temp.resolve("c.parquet"), "");
        Files.writeString(temp.resolve("skip.json"), "{}");
        Files.writeString(temp.resolve("_meta.csv"), "x\n");
        Files.createDirectories(temp.resolve("d/year=1"));
        Files.writeString(temp.resolve("d/year=1/p.parquet"), "");
        Files.createDirectories(temp.resolve("csvs"));
        Files.writeString(temp.resolve("csvs/x.csv"), "x\n");
        FileDiscovery.FileTree tree = discover(".");
        assertEquals(List.of("a:ARROW_IPC", "b:CSV", "c:PARQUET", "d:PARQUET"), names(tree));
        assertEquals(List.of(), tree.notes());
        assertEquals(List.of("x:CSV"), names(discover("csvs/*.csv")));
        assertEquals(List.of("b:CSV"), names(discover("b.CSV")));
    }

    @Test
    void namesSharedIgnoringCaseAreLeftOutWithANote() throws Exception {
        Files.writeString(temp.resolve("t.csv"), "x\n");
        Files.writeString(temp.resolve("T.arrow"), "");
        FileDiscovery.FileTree tree = discover(temp.toString());
        assertEquals(List.of(), tree.tables());
        assertEquals(1, tree.notes().size());
        assertTrue(tree.notes().get(0).contains("t.csv") && tree.notes().get(0).contains("T.arrow"), tree.notes().get(0));
    }

    @Test
    void badTargetsFailNamingThem() throws Exception {
        PolaroidException missing = assertThrows(PolaroidException.class, () -> discover("nope/none"));
        assertEquals(ErrorCode.FILE_NOT_FOUND, missing.code());
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        Files.writeString(temp.resolve("x.txt"), "");
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, assertThrows(PolaroidException.class, () -> discover("x.txt")).code());
        FileDiscovery.FileTree none = discover("*.csv");
        assertEquals(List.of(), none.tables());
        assertTrue(none.notes().get(0).contains("no data files"), none.notes().get(0));
    }
}
