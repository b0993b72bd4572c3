package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's snapshot contract as the engine keeps it: every execution (of a prepared statement too)
 * reads the snapshot current when it starts; a running result finishes on the snapshot it started with;
 * a refresh that changes the columns re-plans a prepared statement (with a warning) or, when its result
 * columns would change, fails it clearly. Also: NaN compares as DuckDB compares it, pruning included.
 */
class RefreshAndSnapshotTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SqlSession session;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.builder().batchRows(100).parallelism(2).build());
        session = engine.openSession();
    }

    @AfterEach
    void close() {
        // the memory cache is part of the engine's memory: drop what the test registered, then nothing is left
        for (var table : session.tables()) {
            update("DROP DATASET " + table.schema() + "." + table.name());
        }
        session.close();
        assertEquals(0, engine.rootAllocator().getAllocatedMemory(), "memory still held after the test");
        engine.close();
    }

    private void duck(String... statements) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Writes {@code data/part-<n>.parquet} with ids [from, from + rows) and, if asked, a {@code note} column. */
    private void writePart(int n, int from, int rows, boolean withNote) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        duck("COPY (SELECT range AS id, range * 2 AS twice" + (withNote ? ", 'note ' || range AS note" : "")
                + " FROM range(" + from + ", " + (from + rows) + ")) TO '" + dir.resolve("data/part-" + n + ".parquet")
                + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100)");
    }

    private List<List<Object>> run(PreparedQuery query, Object... parameters) {
        try (QueryResult result = session.execute(query, List.of(parameters), ExecutionOptions.defaults())) {
            return ResultRows.read(result);
        }
    }

    private void update(String sql) {
        session.execute(sql, ExecutionOptions.defaults()).close();
    }

    @ParameterizedTest(name = "cache = {0}")
    @ValueSource(strings = {"none", "memory"})
    void preparedStatementSeesFilesAddedByARefresh(String cache) throws Exception {
        writePart(0, 0, 1000, false);
        update("CREATE DATASET t FROM '" + dir.resolve("data") + "' WITH (cache = '" + cache + "')");
        try (PreparedQuery count = session.prepare("SELECT COUNT(*), SUM(twice) FROM t WHERE id >= ?")) {
            assertEquals(List.of(List.of(1000L, 999_000L)), run(count, 0));
            writePart(1, 1000, 500, false);
            assertEquals(List.of(List.of(1000L, 999_000L)), run(count, 0), "no refresh yet: the old snapshot");
            update("REFRESH DATASET t");
            try (QueryResult result = session.execute(count, List.of(1200), ExecutionOptions.defaults())) {
                assertEquals(List.of(List.of(300L, 2L * (1200 + 1499) * 300 / 2)), ResultRows.read(result));
                assertEquals(List.of(), result.warnings(), "same columns: no re-planning, no warning");
            }
            Files.delete(dir.resolve("data/part-0.parquet"));
            update("REFRESH DATASET t");
            assertEquals(List.of(List.of(500L, 2L * (1000 + 1499) * 500 / 2)), run(count, 0));
        }
    }

    @ParameterizedTest(name = "cache = {0}")
    @ValueSource(strings = {"none", "memory"})
    void runningResultFinishesOnItsSnapshot(String cache) throws Exception {
        writePart(0, 0, 1000, false);
        update("CREATE DATASET t FROM '" + dir.resolve("data") + "' WITH (cache = '" + cache + "')");
        long rows = 0;
        try (QueryResult result = session.execute("SELECT id FROM t", ExecutionOptions.defaults())) {
            Batch first = result.next();
            rows += first.rowCount();
            writePart(1, 1000, 500, false);
            update("REFRESH DATASET t");
            for (Batch batch = result.next(); batch != null; batch = result.next()) {
                rows += batch.rowCount();
            }
        }
        assertEquals(1000, rows, "the result started before the refresh reads the old snapshot");
        assertEquals(List.of(List.of(1500L)), ResultRows.query(session, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void newColumnsRePlanAPreparedStatementWithAWarning() throws Exception {
        writePart(0, 0, 300, false);
        update("CREATE DATASET t FROM '" + dir.resolve("data") + "'");
        try (PreparedQuery narrow = session.prepare("SELECT MAX(id), COUNT(twice) FROM t");
             PreparedQuery star = session.prepare("SELECT * FROM t WHERE id = 1")) {
            assertEquals(List.of(List.of(299L, 300L)), run(narrow));
            // a new file brings a new column: the dataset's columns change, so do the plan's positions
            writePart(1, 300, 100, true);
            update("REFRESH DATASET t");
            try (QueryResult result = session.execute(narrow, List.of(), ExecutionOptions.defaults())) {
                assertEquals(List.of(List.of(399L, 400L)), ResultRows.read(result));
                assertEquals(1, result.warnings().size(), result.warnings().toString());
                assertTrue(result.warnings().get(0).contains("main.t"), result.warnings().get(0));
            }
            try (QueryResult again = session.execute(narrow, List.of(), ExecutionOptions.defaults())) {
                ResultRows.read(again);
                assertEquals(List.of(), again.warnings(), "planned once, not at every execution");
            }
            PolaroidException e = assertThrows(PolaroidException.class, () -> run(star));
            assertEquals("42000", e.sqlState(), e.getMessage());
            assertTrue(e.getMessage().contains("main.t") && e.getMessage().contains("prepare"), e.getMessage());
        }
        // a statement prepared now sees the new column
        assertEquals(List.of(List.of(301L, 602L, "note 301")), ResultRows.query(session,
                "SELECT * FROM t WHERE id = 301"));
    }

    @Test
    void droppedDatasetFailsAPreparedStatementWith42P01() throws Exception {
        writePart(0, 0, 10, false);
        update("CREATE DATASET t FROM '" + dir.resolve("data") + "'");
        try (PreparedQuery query = session.prepare("SELECT COUNT(*) FROM t")) {
            assertEquals(List.of(List.of(10L)), run(query));
            update("DROP DATASET t");
            PolaroidException e = assertThrows(PolaroidException.class, () -> run(query));
            assertEquals("42P01", e.sqlState(), e.getMessage());
        }
    }

    @Test
    void nanIsLargerThanEveryNumberInFiltersAndPruning() throws Exception {
        // row group 1: small numbers and NaNs (writers leave NaN out of max); row group 2: large numbers
        Path file = dir.resolve("nan.parquet");
        duck("COPY (SELECT range AS id, CASE WHEN range % 10 = 3 THEN 'NaN'::DOUBLE WHEN range < 100"
                + " THEN (range % 5)::DOUBLE ELSE 100.0 + range END AS x FROM range(200)) TO '" + file
                + "' (FORMAT PARQUET, ROW_GROUP_SIZE 100)");
        update("CREATE DATASET n FROM '" + file + "'");
        String[] predicates = {"x > 5", "x >= 4", "x < 5", "x <= 4", "x = 'NaN'::DOUBLE", "x <> 1",
                "x > 'NaN'::DOUBLE", "x BETWEEN 2 AND 150", "x IN (1.0, 'NaN'::DOUBLE)"};
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (String predicate : predicates) {
                String sql = "SELECT COUNT(*) FROM %s WHERE " + predicate;
                long expected;
                try (ResultSet rs = st.executeQuery(String.format(sql, "'" + file + "'"))) {
                    rs.next();
                    expected = rs.getLong(1);
                }
                assertEquals(List.of(List.of(expected)), ResultRows.query(session, String.format(sql, "n")), predicate);
            }
        }
    }
}
