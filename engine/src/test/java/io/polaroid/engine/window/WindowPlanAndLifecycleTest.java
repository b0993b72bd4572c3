package io.polaroid.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where window functions run (EXPLAIN), what falls back to Calcite's row engine and still runs, timestamp
 * precision through the vector window, and the memory and cancellation contract of the operator.
 */
class WindowPlanAndLifecycleTest {
    private static final String ROLLING = "SELECT id, sym, ts, AVG(price) OVER (PARTITION BY sym ORDER BY ts, id"
            + " ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS avg_10 FROM ticks";
    @TempDir
    static Path dir;
    private static Engine engine;
    private static Connection duck;

    @BeforeAll
    static void setUp() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        WindowFixture.write(duck, dir, 20_000);
        duck.createStatement().execute("CREATE VIEW ticks AS SELECT * FROM '" + dir.resolve("ticks.parquet") + "'");
        engine = Engine.open(EngineConfig.builder().batchRows(1024).build());
        try (SqlSession session = engine.openSession()) {
            WindowFixture.polaroid(session, "CREATE DATASET ticks FROM '" + dir.resolve("ticks.parquet") + "'");
        }
    }

    @AfterEach
    void memoryIsBackToZero() {
        assertEquals(0, engine.rootAllocator().getAllocatedMemory(), "memory still held after the test");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (duck != null) {
            duck.close();
        }
    }

    private static String explain(String sql) {
        try (SqlSession session = engine.openSession()) {
            return WindowFixture.polaroid(session, "EXPLAIN PLAN FOR " + sql).stream()
                    .map(row -> String.valueOf(row.get(0))).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void supportedWindowsRunAsVectorWindowWithoutRowConversion() {
        for (String sql : List.of(ROLLING,
                "SELECT id, RANK() OVER (ORDER BY k DESC), LAG(venue, 2, 'x') OVER (PARTITION BY sym ORDER BY id),"
                        + " MIN(ts) OVER (PARTITION BY venue), COUNT(*) OVER () FROM ticks")) {
            String plan = explain(sql);
            assertTrue(plan.contains("VectorWindow"), plan);
            assertFalse(plan.contains("EnumerableWindow"), plan);
            assertFalse(plan.contains("VectorToEnumerable"), plan);
        }
        // only the columns the query uses are read and held
        String plan = explain("SELECT id, PERCENT_RANK() OVER (PARTITION BY sym ORDER BY k) FROM ticks");
        assertTrue(plan.contains("columns=[[id, sym, k]]"), plan);
    }

    @Test
    void unsupportedWindowsFallBackToTheRowEngineAndStillRun() throws Exception {
        // RANGE with an offset compares ORDER BY values, which the vector window does not do
        String sql = "SELECT id, SUM(qty) OVER (PARTITION BY sym ORDER BY id RANGE BETWEEN 20 PRECEDING AND CURRENT ROW)"
                + " FROM ticks";
        String plan = explain(sql);
        assertTrue(plan.contains("EnumerableWindow"), plan);
        assertFalse(plan.contains("VectorWindow"), plan);
        try (SqlSession session = engine.openSession()) {
            WindowFixture.assertSameRows("fallback vs DuckDB",
                    WindowFixture.duckDb(duck, sql),
                    WindowFixture.polaroid(session, sql));
        }
    }

    @Test
    void timestampsKeepTheirMicroseconds() throws Exception {
        try (SqlSession session = engine.openSession()) {
            List<List<Object>> rows = WindowFixture.polaroid(session, ROLLING);
            assertEquals(20_000, rows.size());
            long withMicros = rows.stream().map(row -> (LocalDateTime) row.get(2))
                    .filter(ts -> ts.getNano() % 1_000_000 != 0).count();
            assertTrue(withMicros > 10_000, "timestamps with sub-millisecond digits: " + withMicros);
            WindowFixture.assertSameRows("rolling vs DuckDB", WindowFixture.duckDb(duck, ROLLING), rows);
        }
    }

    @Test
    void queryMemoryLimitFailsWith53200AndFreesEverything() {
        try (SqlSession session = engine.openSession()) {
            ExecutionOptions tight = new ExecutionOptions(0, 0, 512 * 1024, new QueryCancellation());
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> WindowFixture.polaroid(session, ROLLING, tight));
            assertEquals("53200", e.sqlState(), e.getMessage());
        }
    }

    @Test
    void cancelledWindowQueryFailsWith57014AndFreesEverything() {
        try (SqlSession session = engine.openSession()) {
            QueryCancellation cancellation = new QueryCancellation();
            try (QueryResult result = session.execute(ROLLING, new ExecutionOptions(0, 0, 0, cancellation))) {
                cancellation.cancel("test");
                PolaroidException e = assertThrows(PolaroidException.class, result::next);
                assertEquals("57014", e.sqlState());
            }
        }
    }

    @Test
    void cancelBetweenBatchesStopsTheOutput() {
        try (SqlSession session = engine.openSession()) {
            QueryCancellation cancellation = new QueryCancellation();
            try (QueryResult result = session.execute(ROLLING, new ExecutionOptions(0, 0, 0, cancellation))) {
                Batch first = result.next();
                assertTrue(first.rowCount() > 0);
                cancellation.cancel("test");
                PolaroidException e = assertThrows(PolaroidException.class, result::next);
                assertEquals("57014", e.sqlState());
            }
        }
    }

    @Test
    void closingAPartlyReadResultFreesEverything() {
        try (SqlSession session = engine.openSession();
             QueryResult result = session.execute(ROLLING, ExecutionOptions.defaults())) {
            assertTrue(result.next().rowCount() > 0);
        }
    }
}
