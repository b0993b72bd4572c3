package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.api.SqlSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dialect's PostgreSQL flavour, checked in both engines: time-unit words as column names, the
 * {@code ::} cast with PostgreSQL's precedence, day-of-week numbering, rounding casts, text spellings.
 */
class DialectTest {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // hive partition columns are routinely called year/month/day/hour
            "SELECT year + month + day + hour FROM (VALUES (2024, 1, 5, 3)) AS t(year, month, day, hour) | 2033",
            "SELECT t.day FROM (VALUES (7)) AS t(day) WHERE t.day = 7 GROUP BY t.day                   | 7",
            "SELECT EXTRACT(DAY FROM day) FROM (VALUES (DATE '2024-01-05')) AS t(day)                   | 5",
            // :: binds tighter than every operator, as in PostgreSQL
            "SELECT 7 / 2::DOUBLE                                                                      | 3.5",
            "SELECT (7 / 2)::DOUBLE                                                                    | 3.0",
            "SELECT 1 + 2::INTEGER * 3                                                                 | 7",
            "SELECT -'4'::INTEGER + 1                                                                  | -3",
            "SELECT x FROM (VALUES (5), (6)) AS t(x) WHERE x = '5'::INTEGER                            | 5",
            "SELECT (CHAR_LENGTH('abc') + 10)::VARCHAR                                                 | 13",
            "SELECT 2 * (1 + 2)::DOUBLE / 4                                                            | 1.5",
            // day of week from Sunday = 0 (2024-01-07 was a Sunday)
            "SELECT EXTRACT(DOW FROM d) FROM (VALUES (DATE '2024-01-07')) AS t(d)                      | 0",
            "SELECT EXTRACT(DOW FROM d) FROM (VALUES (DATE '2024-01-06')) AS t(d)                      | 6",
            // casts round as PostgreSQL and DuckDB do
            "SELECT CAST(x AS INTEGER) FROM (VALUES (2.5), (-2.5)) AS t(x) ORDER BY 1                  | -3",
            "SELECT CAST(CAST(x AS DOUBLE) AS INTEGER) FROM (VALUES (2.5)) AS t(x)                     | 2",
            "SELECT CAST(CAST(x AS DOUBLE) AS DECIMAL(10, 2)) FROM (VALUES (106.715)) AS t(x)          | 106.72",
            // text spellings of numbers and booleans
            "SELECT CAST(x AS VARCHAR) FROM (VALUES (0.00)) AS t(x)                                    | 0.00",
            "SELECT CAST(CAST(x AS DOUBLE) AS VARCHAR) FROM (VALUES (100)) AS t(x)                     | 100.0",
            "SELECT CAST(CAST(x AS DOUBLE) AS VARCHAR) FROM (VALUES (1e20)) AS t(x)                    | 1e+20",
            "SELECT CAST(CAST(x AS DOUBLE) AS VARCHAR) FROM (VALUES (0.00001)) AS t(x)                 | 1e-05",
            "SELECT CAST(x > 1 AS VARCHAR) FROM (VALUES (2)) AS t(x)                                   | true",
    })
    void sameInBothEngines(String sql, String expected) {
        for (Engine engine : List.of(vectorEngine, rowEngine)) {
            try (SqlSession session = engine.openSession()) {
                List<List<Object>> rows = ResultRows.query(session, sql);
                assertEquals(expected, String.valueOf(rows.get(0).get(0)),
                        () -> sql + " in " + (engine == vectorEngine ? "vector" : "row") + " execution: " + rows);
            }
        }
    }
}
