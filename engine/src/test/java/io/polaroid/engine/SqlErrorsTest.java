package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad statements fail with the right SQLState and a message that names what is wrong. */
class SqlErrorsTest {
    private static Engine engine;

    @BeforeAll
    static void open() {
        engine = Engine.open(EngineConfig.builder().build());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELEC 1                                                  | 42601 | SELEC",
            "SELECT FROM WHERE                                        | 42601 | line 1",
            "SELECT * FROM nowhere                                    | 42P01 | nowhere",
            "SELECT * FROM nope.nowhere                               | 42P01 | nope",
            "SELECT x FROM (VALUES (1)) AS t(i)                       | 42703 | x",
            "SELECT no_such_function(1)                               | 42883 | NO_SUCH_FUNCTION",
            "SELECT 'a' + DATE '2024-01-01'                           | 42804 | Cannot apply",
            "SELECT i / 0 FROM (VALUES (1)) AS t(i)                   | 22012 | division by zero",
            "SELECT CAST(s AS INTEGER) FROM (VALUES ('x1')) AS t(s)   | 22018 | x1",
            "SELECT i * i * i FROM (VALUES (2000000)) AS t(i)         | 22003 | out of range",
            "SELECT CAST(s AS DATE) FROM (VALUES ('2024-13-45')) AS t(s) | 22007 | 2024-13-45",
            "INSERT INTO t VALUES (1)                                 | 0A000 | INSERT",
            "CREATE DATASET FROM 'x'                                  | 42601 | FROM",
            "CREATE DATASET t FROM x.parquet                          | 42601 | quoted string",
            "CREATE DATASET t FROM 'x' WITH (colour = 'red')          | 42601 | colour",
            "SET SCHEMA nowhere                                       | 3F000 | nowhere",
            // strings are not numbers: rejected when planned, not when the first bad value is read
            "SELECT SUM(s) FROM (VALUES ('1'), ('2')) AS t(s)           | 42804 | SUM",
            "SELECT AVG(s) FROM (VALUES ('1'), ('2')) AS t(s)           | 42804 | AVG",
            "SELECT s + 1 FROM (VALUES ('1'), ('2')) AS t(s)            | 42804 | +",
            "SELECT i FROM (VALUES (1, 'a')) AS t(i, s) WHERE s = i     | 42804 | =",
            "SELECT i FROM (VALUES (1, 'a')) AS t(i, s) WHERE s > 5     | 42804 | >",
            "SELECT i FROM (VALUES (1, 'a')) AS t(i, s) WHERE s IN (1, 2) | 42804 | IN",
            "SELECT i FROM (VALUES (1, 'a')) AS t(i, s) WHERE s BETWEEN 1 AND 2 | 42804 | BETWEEN",
            "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s) FROM (VALUES ('a')) AS t(s) | 42804 | PERCENTILE_CONT",
            "SELECT PERCENTILE_CONT(2) WITHIN GROUP (ORDER BY i) FROM (VALUES (1)) AS t(i) | 22023 | PERCENTILE_CONT",
    })
    void failsWithSqlState(String sql, String sqlState, String mentions) {
        try (SqlSession session = engine.openSession()) {
            PolaroidException e = assertThrows(PolaroidException.class, () -> ResultRows.query(session, sql));
            assertEquals(sqlState, e.sqlState(), () -> sql + " -> " + e.getMessage());
            assertTrue(e.getMessage().toLowerCase().contains(mentions.toLowerCase()),
                    () -> "message of " + sql + " should mention " + mentions + ": " + e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SELECT i FROM (VALUES (1), (2)) AS t(i) WHERE i = '2'                             | 2",
            "SELECT COUNT(*) FROM (VALUES (DATE '2024-01-05')) AS t(d) WHERE d = '2024-01-05'  | 1",
            "SELECT CAST(s AS INTEGER) + 1 FROM (VALUES ('41')) AS t(s)                        | 42",
    })
    void stringLiteralsStillAdaptToTheOtherOperand(String sql, long expected) {
        try (SqlSession session = engine.openSession()) {
            assertEquals(java.util.List.of(java.util.List.of(expected)), ResultRows.query(session, sql));
        }
    }
}
