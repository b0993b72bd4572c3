package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read_parquet('path-or-glob')}: ad-hoc reads of files that are not registered, and their failures. */
class ReadParquetTest {
    @TempDir
    static Path dir;
    private static Engine engine;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            for (int part = 0; part < 3; part++) {
                st.execute("COPY (SELECT range + " + (part * 100) + " AS id, 'p" + part + "' AS part FROM range(100))"
                        + " TO '" + dir.resolve("parts/part-" + part + ".parquet") + "' (FORMAT PARQUET)");
            }
        }
        Files.write(dir.resolve("corrupt.parquet"), new byte[] {'P', 'A', 'R', '1', 9, 9, 9, 9, 'P', 'A', 'R', '1'});
        engine = Engine.open(EngineConfig.builder().workingDirectory(dir).build());
    }

    @AfterAll
    static void tearDown() {
        assertEquals(0, engine.rootAllocator().getAllocatedMemory());
        engine.close();
    }

    @Test
    void readsOneFile() {
        try (SqlSession session = engine.openSession()) {
            assertEquals(List.of(List.of(100L, 0L, 99L)), ResultRows.query(session,
                    "SELECT COUNT(*), MIN(id), MAX(id) FROM read_parquet('" + dir.resolve("parts/part-0.parquet") + "')"));
        }
    }

    @Test
    void readsAGlobRelativeToTheWorkingDirectory() {
        try (SqlSession session = engine.openSession()) {
            assertEquals(List.of(List.of("p0", 100L), List.of("p1", 100L), List.of("p2", 100L)),
                    ResultRows.query(session, "SELECT part, COUNT(*) FROM read_parquet('parts/*.parquet')"
                            + " GROUP BY part ORDER BY part"));
            assertEquals(List.of(List.of(250L, "p2")), ResultRows.query(session,
                    "SELECT id, part FROM READ_PARQUET('parts/part-*.parquet') AS t WHERE t.id = 250"));
        }
    }

    @Test
    void joinsWithItself() {
        try (SqlSession session = engine.openSession()) {
            assertEquals(List.of(List.of(300L)), ResultRows.query(session,
                    "SELECT COUNT(*) FROM read_parquet('parts/*.parquet') a"
                            + " JOIN read_parquet('parts/*.parquet') b ON a.id = b.id"));
        }
    }

    @Test
    void missingPathFailsWith58P01() {
        try (SqlSession session = engine.openSession()) {
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT * FROM read_parquet('nothing-here.parquet')"));
            assertEquals("58P01", e.sqlState(), e.getMessage());
            assertTrue(e.getMessage().contains("nothing-here.parquet"), e.getMessage());
        }
    }

    @Test
    void corruptFileFailsWith22000() {
        try (SqlSession session = engine.openSession()) {
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT * FROM read_parquet('corrupt.parquet')"));
            assertEquals("22000", e.sqlState(), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt.parquet"), e.getMessage());
        }
    }

    @Test
    void pathMustBeAStringLiteral() {
        try (SqlSession session = engine.openSession()) {
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT * FROM read_parquet(42)"));
            assertEquals("22023", e.sqlState(), e.getMessage());
            PolaroidException notLiteral = assertThrows(PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT * FROM read_parquet('parts/' || 'x.parquet')"));
            assertTrue(notLiteral.sqlState().startsWith("22") || notLiteral.sqlState().startsWith("42"),
                    notLiteral.sqlState() + " " + notLiteral.getMessage());
        }
    }
}
