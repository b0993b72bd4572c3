package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polaroid.error.PolaroidException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CatalogOptionTest {
    @TempDir
    Path home;

    private Path resolve(Map<String, String> variables, String... args) {
        CatalogOption option = new CatalogOption();
        new CommandLine(option).parseArgs(args);
        return option.resolve(new PolaroidHome(new CliEnvironment(variables, home,
                new ByteArrayInputStream(new byte[0]), false, false)));
    }

    @Test
    void defaultsToTheUsersHome() {
        assertEquals(home.resolve(".polaroid/catalog"), resolve(Map.of()));
    }

    @Test
    void defaultsToPolaroidHomeWhenSet() {
        assertEquals(home.resolve("x/y"), resolve(Map.of("POLAROID_HOME", home.resolve("x/y").toString())));
        assertEquals(home.resolve("from-tilde"), resolve(Map.of("POLAROID_HOME", "~/from-tilde")));
    }

    @Test
    void expandsATildeTheShellLeftAlone() {
        assertEquals(home.resolve("cat"), resolve(Map.of(), "--catalog=~/cat"));
    }

    @Test
    void normalizesTheExplicitDirectory() {
        assertEquals(home.resolve("cat"), resolve(Map.of(), "--catalog", home + "/sub/../cat"));
    }

    @Test
    void rejectsASemicolonThatWouldEndTheJdbcUrl() {
        PolaroidException failure = assertThrows(PolaroidException.class,
                () -> resolve(Map.of(), "--catalog", home.resolve("a;b").toString()));
        assertEquals("22023", failure.sqlState());
    }

    @Test
    void buildsTheEmbeddedUrl() {
        assertEquals("jdbc:polaroid:embedded:/data/catalog", CatalogOption.jdbcUrl(Path.of("/data/catalog")));
    }
}
