package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.ColumnMetadata;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements prepared once and executed with new parameters; parameter and result schemas. */
class PreparedQueryTest {
    private static final String T = "(VALUES (1, 'a', DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', 1.50),"
            + " (2, 'b', DATE '2024-02-01', TIMESTAMP '2024-01-02 11:30:00', 2.25),"
            + " (3, 'c', DATE '2024-03-01', TIMESTAMP '2024-01-03 12:45:00', 3.00)) AS t(i, s, d, ts, m)";
    private static Engine engine;

    @BeforeAll
    static void open() {
        engine = Engine.open(EngineConfig.builder().build());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void reExecutesWithNewParameters() {
        try (SqlSession session = engine.openSession();
             PreparedQuery query = session.prepare("SELECT i, s FROM " + T + " WHERE i >= ? AND s <> ?")) {
            assertEquals(2, query.parameterSchema().getFields().size());
            assertEquals(new ArrowType.Int(32, true), query.parameterSchema().getFields().get(0).getType());
            assertEquals(ArrowType.Utf8.INSTANCE, query.parameterSchema().getFields().get(1).getType());
            assertEquals(List.of(List.of(2L, "b"), List.of(3L, "c")), run(session, query, 2, "x"));
            assertEquals(List.of(List.of(3L, "c")), run(session, query, 2, "b"));
            assertEquals(List.of(), run(session, query, 9, "x"));
        }
    }

    @Test
    void bindsEveryJavaTypeToItsSqlType() {
        try (SqlSession session = engine.openSession();
             PreparedQuery query = session.prepare("SELECT i FROM " + T + " WHERE d = ? OR ts = ? OR m = ?")) {
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), run(session, query,
                    LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 2, 11, 30), new BigDecimal("3.00")));
            assertEquals(List.of(List.of(1L), List.of(2L)), run(session, query,
                    java.sql.Date.valueOf("2024-02-01"), java.sql.Timestamp.valueOf("2024-01-01 10:00:00"), null));
        }
    }

    @Test
    void rejectsValuesThatDoNotFitTheParameter() {
        try (SqlSession session = engine.openSession();
             PreparedQuery query = session.prepare("SELECT i FROM " + T + " WHERE i = ?")) {
            PolaroidException e = assertThrows(PolaroidException.class, () -> run(session, query, "not a number"));
            assertEquals("42804", e.sqlState());
            PolaroidException count = assertThrows(PolaroidException.class, () -> run(session, query, 1, 2));
            assertEquals("22023", count.sqlState());
        }
    }

    @Test
    void describesResultColumns() {
        try (SqlSession session = engine.openSession();
             PreparedQuery query = session.prepare("SELECT i AS id, m, ts FROM " + T)) {
            assertTrue(query.returnsRows());
            List<Field> fields = query.resultSchema().getFields();
            assertEquals(List.of("id", "m", "ts"), fields.stream().map(Field::getName).toList());
            assertEquals("INTEGER", fields.get(0).getMetadata().get(ColumnMetadata.TYPE_NAME));
            assertEquals("DECIMAL", fields.get(1).getMetadata().get(ColumnMetadata.TYPE_NAME));
            assertEquals("3", fields.get(1).getMetadata().get(ColumnMetadata.PRECISION));
            assertEquals("2", fields.get(1).getMetadata().get(ColumnMetadata.SCALE));
            assertEquals("TIMESTAMP", fields.get(2).getMetadata().get(ColumnMetadata.TYPE_NAME));
        }
    }

    @Test
    void closedStatementsCannotRun() {
        try (SqlSession session = engine.openSession()) {
            PreparedQuery query = session.prepare("SELECT 1");
            query.close();
            PolaroidException e = assertThrows(PolaroidException.class,
                    () -> session.execute(query, List.of(), ExecutionOptions.defaults()));
            assertEquals("42000", e.sqlState());
        }
    }

    private static List<List<Object>> run(SqlSession session, PreparedQuery query, Object... parameters) {
        try (QueryResult result = session.execute(query, Arrays.asList(parameters), ExecutionOptions.defaults())) {
            return ResultRows.read(result);
        }
    }
}
