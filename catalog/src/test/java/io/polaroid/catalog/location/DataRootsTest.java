package io.polaroid.catalog.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confinement of dataset locations to data roots: the escapes an attacker would try, one by one. */
class DataRootsTest {
    @TempDir
    Path temp;

    private Path root;
    private Path realRoot;
    private Path outside;
    private DataLocations locations;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        realRoot = root.toRealPath();
        outside = Files.createDirectories(temp.resolve("outside"));
        touch(root.resolve("data/a.parquet"));
        touch(outside.resolve("secret.parquet"));
        // Relative locations resolve against the root, as the server's working directory would be.
        locations = new DataLocations(root, DataRoots.of(List.of(root)));
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    private PolaroidException refused(String location) {
        PolaroidException e = assertThrows(PolaroidException.class, () -> locations.list(locations.resolve(location)));
        assertEquals(ErrorCode.INSUFFICIENT_PRIVILEGE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + realRoot + "'"), "names the allowed root: " + e.getMessage());
        return e;
    }

    @Test
    void locationsUnderTheRootAreAllowed() throws IOException {
        assertEquals(1, locations.list(locations.resolve("data")).size());
        assertEquals(1, locations.list(locations.resolve(root.resolve("data/a.parquet").toString())).size());
        assertEquals(1, locations.list(locations.resolve("data/*.parquet")).size());
        assertTrue(locations.stat(root.resolve("data/a.parquet")).isPresent());
    }

    @Test
    void absolutePathOutsideIsRefusedNamingThePath() {
        PolaroidException e = refused(outside.resolve("secret.parquet").toString());
        assertTrue(e.getMessage().contains(outside.resolve("secret.parquet").toString()), e.getMessage());
    }

    @Test
    void dotDotEscapesAreRefused() {
        refused("../outside/secret.parquet");
        refused("data/../../outside");
        refused(root + "/data/../../outside/secret.parquet");
    }

    @Test
    void globWhoseBaseIsOutsideIsRefused() {
        refused(outside + "/*.parquet");
        refused(temp + "/**/*.parquet");  // the base is the parent of the root
        refused("data/*/../../../outside/*.parquet");
    }

    @Test
    void refusalDoesNotDependOnWhetherTheOutsidePathExists() {
        PolaroidException missing = refused(outside.resolve("nothing-here.parquet").toString());
        assertFalse(missing.getMessage().contains("does not exist"), missing.getMessage());
        refused("/etc/passwd");
    }

    @Test
    void symlinkedFileInsideTheRootPointingOutsideIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("data/leak.parquet"), outside.resolve("secret.parquet"));
        PolaroidException e = refused(link.toString());
        assertTrue(e.getMessage().contains("symbolic link leads to '" + outside.toRealPath().resolve("secret.parquet")),
                e.getMessage());
        // Listing the directory finds the link too: the whole location is refused, not silently trimmed.
        refused("data");
        refused("data/*.parquet");
    }

    @Test
    void symlinkedDirectoryPointingOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        refused("escape");
        refused("escape/secret.parquet");
        refused("escape/*.parquet");
        // Found by the walk of a directory that is itself allowed.
        Files.createSymbolicLink(root.resolve("data/sub"), outside);
        refused("data");
    }

    @Test
    void danglingSymlinkIsJudgedByItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("later.parquet"), outside.resolve("not-yet.parquet"));
        PolaroidException e = assertThrows(PolaroidException.class, () -> locations.roots().requireAllowed(link, "later.parquet"));
        assertEquals(ErrorCode.INSUFFICIENT_PRIVILEGE, e.code());
    }

    @Test
    void symlinkInsideTheRootPointingInsideIsAllowed() throws IOException {
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("data"));
        assertEquals(1, locations.list(locations.resolve("alias")).size());
    }

    @Test
    void statRefusesFilesOutsideForSnapshotsRestoredFromOlderCatalogs() {
        PolaroidException e = assertThrows(PolaroidException.class,
                () -> locations.stat(outside.resolve("secret.parquet")));
        assertEquals(ErrorCode.INSUFFICIENT_PRIVILEGE, e.code());
    }

    @Test
    void rootReachedThroughASymlinkIsCanonicalized() throws IOException {
        Path rootLink = Files.createSymbolicLink(temp.resolve("root-link"), root);
        DataLocations viaLink = new DataLocations(rootLink, DataRoots.of(List.of(rootLink)));
        assertEquals(1, viaLink.list(viaLink.resolve("data")).size());
        assertEquals(List.of(root.toRealPath()), viaLink.roots().roots());
    }

    @Test
    void missingRootStopsStartUp() {
        PolaroidException e = assertThrows(PolaroidException.class, () -> DataRoots.of(List.of(temp.resolve("typo"))));
        assertEquals(ErrorCode.FILE_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("typo"), e.getMessage());
    }

    @Test
    void rootThatIsAFileIsRejected() {
        assertThrows(PolaroidException.class, () -> DataRoots.of(List.of(root.resolve("data/a.parquet"))));
    }

    @Test
    void noRootsMeansUnrestricted() {
        DataLocations open = new DataLocations(root);
        assertFalse(open.roots().restricted());
        assertEquals(1, open.list(open.resolve(outside.resolve("secret.parquet").toString())).size());
        assertFalse(DataRoots.of(List.of()).restricted());
    }

    @Test
    void severalRootsAreEachAllowed() {
        DataLocations both = new DataLocations(root, DataRoots.of(List.of(root, outside)));
        assertEquals(1, both.list(both.resolve(outside.resolve("secret.parquet").toString())).size());
        assertEquals(1, both.list(both.resolve("data")).size());
    }
}
