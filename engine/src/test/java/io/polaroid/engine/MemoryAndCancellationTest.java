package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every query's memory is back to zero when it ends, whatever way it ends; limits and cancels hold. */
class MemoryAndCancellationTest {
    private static final String ROWS = "(VALUES (1, 'one'), (2, 'two'), (0, 'zero'), (4, 'four')) AS t(i, s)";
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.builder().build());
    }

    @AfterEach
    void close() {
        assertEquals(0, engine.rootAllocator().getAllocatedMemory(), "memory still held after the test");
        engine.close();
    }

    @Test
    void successFreesEverything() {
        try (SqlSession session = engine.openSession()) {
            assertEquals(4, ResultRows.query(session, "SELECT i + 1, UPPER(s) FROM " + ROWS).size());
        }
    }

    @Test
    void failureMidStreamFreesEverything() {
        try (SqlSession session = engine.openSession()) {
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT 10 / i FROM " + ROWS));
            assertEquals("22012", e.sqlState());
        }
    }

    @Test
    void closingUnreadResultFreesEverything() {
        try (SqlSession session = engine.openSession();
             QueryResult result = session.execute("SELECT i, s FROM " + ROWS, ExecutionOptions.defaults())) {
            result.next();
        }
    }

    @Test
    void queryMemoryLimitFailsWith53200() {
        try (SqlSession session = engine.openSession()) {
            ExecutionOptions tiny = new ExecutionOptions(0, 0, 1024, new QueryCancellation());
            PolaroidException e = assertThrows(PolaroidException.class, () -> {
                try (QueryResult result = session.execute("SELECT i, s FROM " + ROWS, tiny)) {
                    ResultRows.read(result);
                }
            });
            assertEquals("53200", e.sqlState(), e.getMessage());
        }
    }

    @Test
    void cancelledQueryFailsWith57014() {
        try (SqlSession session = engine.openSession()) {
            QueryCancellation cancellation = new QueryCancellation();
            ExecutionOptions options = new ExecutionOptions(0, 0, 0, cancellation);
            try (QueryResult result = session.execute("SELECT i FROM " + ROWS, options)) {
                cancellation.cancel("test");
                PolaroidException e = assertThrows(PolaroidException.class, result::next);
                assertEquals("57014", e.sqlState());
            }
        }
    }

    @Test
    void timeoutCancelsALongQueryOverRealDataWith57014(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TestData.writeTrades(dir, 20_000);
        try (SqlSession session = engine.openSession()) {
            ResultRows.query(session, "CREATE DATASET trades FROM '" + dir.resolve("trades.parquet") + "'");
            // a self-join on a low-cardinality key (~130 million pairs, vector hash join) and a non-equi
            // self-join (400 million pairs, Calcite's nested loops): both far longer than the timeout
            for (String sql : java.util.List.of(
                    "SELECT COUNT(*), SUM(a.qty + b.qty) FROM trades a JOIN trades b ON a.side = b.side",
                    "SELECT COUNT(*) FROM trades a JOIN trades b ON a.id < b.id")) {
                ExecutionOptions timeout = new ExecutionOptions(200, 0, 0, new QueryCancellation());
                PolaroidException e = assertThrows(PolaroidException.class, () -> {
                    try (QueryResult result = session.execute(sql, timeout)) {
                        ResultRows.read(result);
                    }
                });
                assertEquals("57014", e.sqlState(), e.getMessage());
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("timeout"), e.getMessage());
            }
            ResultRows.query(session, "DROP DATASET trades");
        }
    }

    @Test
    void timeoutThatDoesNotExpireChangesNothing() {
        try (SqlSession session = engine.openSession();
             QueryResult result = session.execute("SELECT i FROM " + ROWS,
                     new ExecutionOptions(60_000, 0, 0, new QueryCancellation()))) {
            assertEquals(4, ResultRows.read(result).size());
        }
    }

    @Test
    void maxRowsStopsTheResult() {
        try (SqlSession session = engine.openSession();
             QueryResult result = session.execute("SELECT i FROM " + ROWS,
                     new ExecutionOptions(0, 3, 0, new QueryCancellation()))) {
            assertEquals(3, ResultRows.read(result).size());
        }
    }
}
