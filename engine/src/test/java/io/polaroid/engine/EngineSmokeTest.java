package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSmokeTest {
    @TempDir
    Path dir;

    @Test
    void createsDatasetAndQueriesIt() throws Exception {
        Path file = dir.resolve("t.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT range AS id, 'n' || range AS name FROM range(10)) TO '" + file + "' (FORMAT PARQUET)");
        }
        for (boolean vector : new boolean[] {true, false}) {
            try (Engine engine = Engine.open(EngineConfig.builder().vectorExecution(vector).build());
                 SqlSession session = engine.openSession()) {
                ResultRows.query(session, "CREATE DATASET t FROM '" + file + "'");
                assertEquals(List.of(List.of(10L)), ResultRows.query(session, "SELECT COUNT(*) FROM t"));
                assertEquals(List.of(List.of(3L, "n3")),
                        ResultRows.query(session, "SELECT id, name FROM t WHERE id = 3"));
            }
        }
    }
}
