package io.polaroid.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window functions in the vector engine against DuckDB on the same Parquet file, and against Polaroid's
 * row engine (which truncates timestamps to milliseconds, so that comparison leaves {@code ts} out). Every
 * ORDER BY of a ROWS frame or an offset function ends with the unique {@code id}, so results are
 * deterministic despite ties in {@code k} and {@code ts}.
 */
class WindowDifferentialTest {
    private static final int ROWS = 5_000;
    @TempDir
    static Path dir;
    private static Engine vectorEngine;
    private static Engine rowEngine;
    private static Connection duck;

    @BeforeAll
    static void setUp() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        WindowFixture.write(duck, dir, ROWS);
        try (Statement st = duck.createStatement()) {
            st.execute("SET default_null_order = 'nulls_last'");
            st.execute("CREATE VIEW ticks AS SELECT * FROM '" + dir.resolve("ticks.parquet") + "'");
            st.execute("CREATE VIEW empty AS SELECT * FROM '" + dir.resolve("empty.parquet") + "'");
        }
        // small batches and two scan threads: partitions span many input batches in scrambled order
        vectorEngine = Engine.open(EngineConfig.builder().batchRows(700).parallelism(2).build());
        rowEngine = Engine.open(EngineConfig.builder().vectorExecution(false).build());
        for (Engine engine : List.of(vectorEngine, rowEngine)) {
            try (SqlSession session = engine.openSession()) {
                WindowFixture.polaroid(session, "CREATE DATASET ticks FROM '" + dir.resolve("ticks.parquet") + "'");
                WindowFixture.polaroid(session, "CREATE DATASET empty FROM '" + dir.resolve("empty.parquet") + "'");
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (duck != null) {
            duck.close();
        }
        if (vectorEngine != null) {
            assertEquals(0, vectorEngine.rootAllocator().getAllocatedMemory(), "vector engine memory after the tests");
            vectorEngine.close();
        }
        if (rowEngine != null) {
            rowEngine.close();
        }
    }

    static Stream<String> queries() {
        return Stream.of(
                // the benchmark's rolling average, with a tie-break
                "SELECT id, sym, ts, price, AVG(price) OVER (PARTITION BY sym ORDER BY ts, id"
                        + " ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) FROM ticks",
                // ranking, with ties in k and NULL keys, ascending and descending
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY sym ORDER BY k, id),"
                        + " RANK() OVER (PARTITION BY sym ORDER BY k), DENSE_RANK() OVER (PARTITION BY sym ORDER BY k)"
                        + " FROM ticks",
                "SELECT id, RANK() OVER (ORDER BY k DESC NULLS FIRST), DENSE_RANK() OVER (ORDER BY k DESC NULLS LAST),"
                        + " ROW_NUMBER() OVER (ORDER BY venue DESC, id DESC) FROM ticks",
                // relative ranks (Calcite's row engine has no PERCENT_RANK or CUME_DIST)
                "SELECT id, PERCENT_RANK() OVER (PARTITION BY sym ORDER BY k NULLS LAST),"
                        + " CUME_DIST() OVER (PARTITION BY venue ORDER BY qty DESC NULLS LAST)"
                        + " FROM ticks",
                // default RANGE frame: running totals with peers
                "SELECT id, SUM(qty) OVER (PARTITION BY sym ORDER BY k), COUNT(*) OVER (PARTITION BY sym ORDER BY k),"
                        + " COUNT(price) OVER (PARTITION BY venue ORDER BY k DESC NULLS LAST), AVG(price) OVER (ORDER BY k)"
                        + " FROM ticks",
                // whole partitions
                "SELECT id, COUNT(*) OVER (), SUM(qty) OVER (PARTITION BY venue), MIN(price) OVER (PARTITION BY sym),"
                        + " MAX(ts) OVER (PARTITION BY sym, venue), AVG(qty) OVER (PARTITION BY k) FROM ticks",
                // sliding ROWS frames of every shape
                "SELECT id, SUM(qty) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING),"
                        + " MIN(qty) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN 5 PRECEDING AND 1 PRECEDING),"
                        + " MAX(price) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 4 FOLLOWING),"
                        + " COUNT(price) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED"
                        + " FOLLOWING) FROM ticks",
                "SELECT id, SUM(price) OVER (ORDER BY ts DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND"
                        + " CURRENT ROW), MIN(ts) OVER (PARTITION BY venue ORDER BY k NULLS FIRST, id"
                        + " ROWS BETWEEN 50 PRECEDING AND 50 FOLLOWING),"
                        + " MAX(qty) OVER (PARTITION BY venue ORDER BY id ROWS BETWEEN 200 PRECEDING AND CURRENT ROW)"
                        + " FROM ticks",
                // frames wider than the partition, and empty frames
                "SELECT id, SUM(qty) OVER (PARTITION BY sym, k ORDER BY id ROWS BETWEEN 1000 PRECEDING AND"
                        + " 1000 FOLLOWING), COUNT(*) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN 3 PRECEDING AND"
                        + " 2 PRECEDING), SUM(qty) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN 2 FOLLOWING AND"
                        + " 3 FOLLOWING) FROM ticks",
                // FIRST_VALUE / LAST_VALUE of values, strings and timestamps, NULLs included
                "SELECT id, FIRST_VALUE(price) OVER (PARTITION BY sym ORDER BY id),"
                        + " LAST_VALUE(venue) OVER (PARTITION BY sym ORDER BY k, id),"
                        + " FIRST_VALUE(ts) OVER (PARTITION BY venue ORDER BY id DESC ROWS BETWEEN 2 PRECEDING AND"
                        + " 2 FOLLOWING), LAST_VALUE(qty) OVER (PARTITION BY sym ORDER BY id ROWS BETWEEN UNBOUNDED"
                        + " PRECEDING AND UNBOUNDED FOLLOWING) FROM ticks",
                // LAG / LEAD with offsets and defaults
                "SELECT id, LAG(price) OVER (PARTITION BY sym ORDER BY ts, id),"
                        + " LEAD(qty, 3) OVER (PARTITION BY sym ORDER BY id),"
                        + " LAG(venue, 2, 'none') OVER (ORDER BY id), LEAD(qty, 1, -1) OVER (PARTITION BY venue"
                        + " ORDER BY id DESC), LAG(ts) OVER (PARTITION BY sym ORDER BY id) FROM ticks",
                // several windows in one query, over a filtered input
                "SELECT id, sym, ROW_NUMBER() OVER (PARTITION BY sym ORDER BY id) AS rn,"
                        + " SUM(price) OVER (PARTITION BY sym ORDER BY id ROWS 4 PRECEDING),"
                        + " MAX(k) OVER (PARTITION BY venue) FROM ticks WHERE qty > 0 AND sym IS NOT NULL",
                // a window over an aggregate
                "SELECT sym, SUM(qty), RANK() OVER (ORDER BY SUM(qty) DESC) FROM ticks GROUP BY sym",
                // no rows
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY sym ORDER BY id), SUM(qty) OVER (ORDER BY id"
                        + " ROWS 3 PRECEDING), LAG(ts) OVER (ORDER BY id) FROM empty",
                "SELECT id, AVG(price) OVER (PARTITION BY sym ORDER BY id ROWS 9 PRECEDING) FROM ticks WHERE id < 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void agreesWithDuckDb(String sql) throws Exception {
        List<List<Object>> expected = WindowFixture.duckDb(duck, sql);
        try (SqlSession session = vectorEngine.openSession()) {
            WindowFixture.assertSameRows("vector engine vs DuckDB", expected, WindowFixture.polaroid(session, sql));
        }
    }

    static Stream<Arguments> queriesWithoutTimestamps() {
        return queries().filter(sql -> !sql.contains("ts") && !sql.contains("PERCENT_RANK")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queriesWithoutTimestamps")
    void agreesWithRowEngine(String sql) {
        try (SqlSession vector = vectorEngine.openSession(); SqlSession rows = rowEngine.openSession()) {
            WindowFixture.assertSameRows("vector vs row engine", WindowFixture.polaroid(rows, sql),
                    WindowFixture.polaroid(vector, sql));
        }
    }
}
