package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.api.SqlSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over VALUES, run vectorized and in Calcite's row engine, compared. */
class ValuesQueriesTest {
    private static Engine vectorEngine;
    private static Engine rowEngine;

    @BeforeAll
    static void open() {
        vectorEngine = Engine.open(EngineConfig.builder().build());
        rowEngine = Engine.open(EngineConfig.builder().vectorExecution(false).build());
    }

    @AfterAll
    static void close() {
        vectorEngine.close();
        rowEngine.close();
    }

    private static List<List<Object>> both(String sql) {
        try (SqlSession vector = vectorEngine.openSession(); SqlSession rows = rowEngine.openSession()) {
            List<List<Object>> expected = ResultRows.query(rows, sql);
            List<List<Object>> actual = ResultRows.query(vector, sql);
            assertEquals(expected, actual, sql);
            return actual;
        }
    }

    private static final String T = "(VALUES (1, 'a', 1.5, DATE '2024-01-02'), (2, 'bb', NULL, DATE '2024-03-04'), "
            + "(3, NULL, 2.25, NULL), (-4, 'ddd', 0.5, DATE '1999-12-31')) AS t(i, s, d, dt)";

    @Test
    void filterAndProject() {
        assertEquals(List.of(List.of(3L, "b"), List.of(4L, "c")),
                both("SELECT i + 1, s FROM (VALUES (2, 'b'), (3, 'c'), (1, 'a')) AS t(i, s) WHERE i > 1"));
        both("SELECT i * 2 - 1, UPPER(s), s || '!', CHAR_LENGTH(s) FROM " + T + " WHERE s IS NOT NULL");
        both("SELECT i, CASE WHEN i > 1 THEN 'big' WHEN i < 0 THEN 'neg' ELSE 'small' END FROM " + T);
        both("SELECT i, d * 2, d + i, COALESCE(d, 0) FROM " + T);
        both("SELECT i, EXTRACT(YEAR FROM dt), EXTRACT(MONTH FROM dt), FLOOR(dt TO MONTH) FROM " + T);
        both("SELECT i FROM " + T + " WHERE s LIKE 'b%' OR s LIKE '%d' OR i IN (3, 5, 7, 9)");
        both("SELECT i, CASE WHEN i <> 0 THEN 10 / i END FROM " + T);
    }

    @Test
    void aggregateJoinSort() {
        both("SELECT s IS NULL, COUNT(*), SUM(i), MIN(d), MAX(dt), AVG(i) FROM " + T + " GROUP BY s IS NULL");
        both("SELECT COUNT(*), COUNT(s), SUM(d) FROM " + T);
        both("SELECT a.i, b.s FROM " + T.replace("AS t(", "AS a(")
                + " JOIN (VALUES (1, 'x'), (3, 'y'), (3, 'z')) AS b(i, s) ON a.i = b.i");
        both("SELECT i, s FROM " + T + " ORDER BY s DESC NULLS LAST, i LIMIT 3");
        both("SELECT i FROM " + T + " LIMIT 2 OFFSET 1");
    }
}
