package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {
    @Test
    void showsVectorAndRowOperators() {
        try (Engine engine = Engine.open(EngineConfig.builder().build()); SqlSession session = engine.openSession()) {
            String plan = ResultRows.query(session, "EXPLAIN PLAN FOR SELECT i + 1, NTILE(2) OVER (ORDER BY i) "
                    + "FROM (VALUES (2, 'b'), (3, 'c')) AS t(i, s) WHERE i > 1").stream()
                    .map(row -> (String) row.get(0)).collect(Collectors.joining("\n"));
            System.out.println(plan);
            assertTrue(plan.contains("VectorFilter") || plan.contains("VectorProject"), plan);
            assertTrue(plan.contains("EnumerableWindow"), plan);
            assertTrue(plan.contains("EnumerableToVector"), plan);

            String join = ResultRows.query(session, "EXPLAIN PLAN FOR SELECT a.s, COUNT(*) FROM"
                    + " (VALUES (1, 'x'), (2, 'y')) AS a(i, s) JOIN (VALUES (1, 'z')) AS b(i, t) ON a.i = b.i"
                    + " GROUP BY a.s ORDER BY 2 DESC LIMIT 5").stream()
                    .map(row -> (String) row.get(0)).collect(Collectors.joining("\n"));
            System.out.println(join);
            assertTrue(join.contains("VectorJoin"), join);
            assertTrue(join.contains("VectorAggregate"), join);
            assertTrue(join.contains("VectorSort"), join);
        }
    }

    @Test
    void anAggregateOverAScanReadsOnlyTheColumnsItUses(@TempDir Path dir) throws Exception {
        TestData.writeTrades(dir, 1000);
        try (Engine engine = Engine.open(EngineConfig.builder().build()); SqlSession session = engine.openSession()) {
            ResultRows.query(session, "CREATE DATASET t FROM '" + dir.resolve("trades.parquet") + "'");
            String count = plan(session, "SELECT COUNT(*) FROM t");
            assertTrue(count.contains("columns=[[]]"), count);
            assertEquals(List.of(List.of(1000L)), ResultRows.query(session, "SELECT COUNT(*) FROM t"));

            String grouped = plan(session, "SELECT symbol, COUNT(*), MAX(price) FROM t GROUP BY symbol");
            assertTrue(grouped.contains("columns=[[symbol, price]]"), grouped);
            assertEquals(ResultRows.query(session, "SELECT SUM(n) FROM (SELECT symbol, COUNT(*) AS n FROM t GROUP BY symbol)"),
                    List.of(List.of(1000L)));
        }
    }

    private static String plan(SqlSession session, String sql) {
        return ResultRows.query(session, "EXPLAIN PLAN FOR " + sql).stream()
                .map(row -> (String) row.get(0)).collect(Collectors.joining("\n"));
    }
}
