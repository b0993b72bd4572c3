package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A filter that keeps no row makes the parallel scan end without ever handing out a batch; an
 * aggregate above it must still see the end of the stream (this once waited forever).
 */
class EmptyScanTest {
    @TempDir
    Path dir;

    @Test
    void aggregateOverFilterThatMatchesNothingReturns() throws Exception {
        Path files = dir.resolve("parts");
        java.nio.file.Files.createDirectories(files);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            for (int part = 0; part < 3; part++) {
                st.execute("COPY (SELECT range AS id, range * 1.5 AS price FROM range(" + part * 1000 + ", "
                        + (part + 1) * 1000 + ")) TO '" + files.resolve("p" + part + ".parquet") + "' (FORMAT PARQUET)");
            }
        }
        for (String cache : List.of("none", "memory")) {
            try (Engine engine = Engine.open(EngineConfig.builder().parallelism(2).build());
                 SqlSession session = engine.openSession()) {
                ResultRows.query(session, "CREATE DATASET t FROM '" + files + "' WITH (cache = '" + cache + "')");
                // Bounded by a generous limit so a regression fails instead of hanging the build.
                List<List<Object>> rows = assertTimeoutPreemptively(Duration.ofMinutes(1),
                        () -> ResultRows.query(session, "SELECT COUNT(*), SUM(price) FROM t WHERE price < 0 OR id < -5"));
                assertEquals(1, rows.size(), cache);
                assertEquals(0L, rows.get(0).get(0), cache);
                assertEquals(null, rows.get(0).get(1), cache);
                assertEquals(List.of(), ResultRows.query(session, "SELECT id FROM t WHERE id < 0"), cache);
            }
        }
    }
}
