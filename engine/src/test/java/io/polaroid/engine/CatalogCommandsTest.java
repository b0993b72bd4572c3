package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/REFRESH/DROP DATASET, SHOW DATASETS, CREATE/DROP SCHEMA, SET SCHEMA, and their errors. */
class CatalogCommandsTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SqlSession session;

    @BeforeEach
    void open() throws Exception {
        TestData.writeTrades(dir, 3000);
        engine = Engine.open(EngineConfig.builder().catalogDirectory(dir.resolve("catalog")).build());
        session = engine.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private long update(String sql) {
        try (QueryResult result = session.execute(sql, ExecutionOptions.defaults())) {
            return result.updateCount();
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void createsShowsAndDropsDatasets() {
        assertEquals(0, update("CREATE DATASET trades FROM '" + file("trades.parquet") + "'"));
        assertEquals(0, update("CREATE DATASET IF NOT EXISTS trades FROM '" + file("trades.parquet") + "'"));
        update("CREATE SCHEMA ref");
        update("CREATE DATASET ref.\"Symbols\" FROM '" + file("symbols.parquet") + "' WITH (cache = 'memory')");

        List<List<Object>> shown = ResultRows.query(session, "SHOW DATASETS");
        assertEquals(2, shown.size(), shown.toString());
        assertEquals(List.of("main", "trades"), shown.get(0).subList(0, 2));
        assertEquals("none", shown.get(0).get(3));
        assertEquals(1L, shown.get(0).get(4));
        assertEquals(3000L, shown.get(0).get(5));
        assertEquals(List.of("ref", "Symbols"), shown.get(1).subList(0, 2));
        assertEquals("memory", shown.get(1).get(3));

        assertEquals(List.of("id", "symbol", "ts", "ts_utc", "price", "qty", "amount", "side", "day", "flag"),
                session.columns("main", "TRADES").stream().map(c -> c.field().getName()).toList());
        assertEquals(2, session.tables().size());

        update("DROP DATASET ref.symbols");
        update("DROP DATASET IF EXISTS ref.symbols");
        update("DROP SCHEMA ref");
        assertEquals(1, ResultRows.query(session, "SHOW DATASETS").size());
    }

    @Test
    void commandErrorsLeaveTheCatalogAsItWas() {
        update("CREATE DATASET trades FROM '" + file("trades.parquet") + "'");
        assertState("42P07", () -> update("CREATE DATASET trades FROM '" + file("symbols.parquet") + "'"));
        assertState("42P01", () -> update("DROP DATASET nothing"));
        assertState("42P01", () -> update("REFRESH DATASET nothing"));
        assertState("3F000", () -> update("CREATE DATASET nowhere.t FROM '" + file("trades.parquet") + "'"));
        assertState("3F000", () -> update("DROP SCHEMA nowhere"));
        assertState("22023", () -> update("CREATE DATASET t2 FROM '" + file("trades.parquet") + "' WITH (cache = 'disk')"));
        PolaroidException missing = assertState(null,
                () -> update("CREATE DATASET t3 FROM '" + file("missing.parquet") + "'"));
        assertTrue(missing.sqlState().startsWith("58"), missing.sqlState() + " " + missing.getMessage());
        assertTrue(missing.getMessage().contains("missing.parquet"), missing.getMessage());
        assertEquals(1, ResultRows.query(session, "SHOW DATASETS").size());
    }

    @Test
    void corruptFileFailsWithDataError() throws Exception {
        Files.write(dir.resolve("corrupt.parquet"), new byte[] {'P', 'A', 'R', '1', 1, 2, 3, 4, 5, 'P', 'A', 'R', '1'});
        PolaroidException e = assertState(null,
                () -> update("CREATE DATASET bad FROM '" + file("corrupt.parquet") + "'"));
        assertEquals("22000", e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt.parquet"), e.getMessage());
    }

    @Test
    void schemasAndCurrentSchema() {
        update("CREATE SCHEMA IF NOT EXISTS lab");
        update("CREATE SCHEMA IF NOT EXISTS lab");
        update("SET SCHEMA lab");
        assertEquals("lab", session.currentSchema());
        update("CREATE DATASET trades FROM '" + file("trades.parquet") + "'");
        assertEquals("lab", session.tables().get(0).schema());
        update("USE main");
        assertEquals("main", session.currentSchema());
        assertState("42P01", () -> ResultRows.query(session, "SELECT * FROM trades"));
        try (PreparedQuery query = session.prepare("SELECT id, symbol FROM lab.trades")) {
            List<Field> fields = query.resultSchema().getFields();
            assertEquals("lab", fields.get(0).getMetadata().get(io.polaroid.engine.api.ColumnMetadata.SCHEMA_NAME));
            assertEquals("trades", fields.get(0).getMetadata().get(io.polaroid.engine.api.ColumnMetadata.TABLE_NAME));
        }
        assertState("2BP01", () -> update("DROP SCHEMA lab"));
    }

    private static PolaroidException assertState(String sqlState, Runnable action) {
        PolaroidException e = assertThrows(PolaroidException.class, action::run);
        if (sqlState != null) {
            assertEquals(sqlState, e.sqlState(), e.getMessage());
        }
        return e;
    }
}
