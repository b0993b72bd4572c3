package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code column <op> constant} filters, which the vector engine evaluates on the column's buffer, over
 * every layout and the values at the edges (type limits, NULL, NaN, -0.0, infinities, constants with more
 * decimals than the column), counted against DuckDB on the same file, from memory and from the file.
 */
class FilterPredicatesTest {
    @TempDir
    static Path dir;
    private static Engine engine;
    private static Connection duck;
    private static Path file;

    @BeforeAll
    static void setUp() throws Exception {
        file = dir.resolve("edges.parquet");
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (SELECT * FROM (VALUES"
                    + " ((-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT,"
                    + "  '-Infinity'::REAL, '-Infinity'::DOUBLE, -99999999.99::DECIMAL(10,2), DATE '1970-01-01',"
                    + "  TIMESTAMP '1969-12-31 23:59:59.999999', ''),"
                    + " (127, 32767, 2147483647, 9223372036854775807, 'Infinity', 'Infinity', 99999999.99,"
                    + "  DATE '2024-02-29', TIMESTAMP '2024-02-29 12:00:00', 'zzz'),"
                    + " (0, 0, 0, 0, -0.0, -0.0, 0.00, DATE '2000-01-01', TIMESTAMP '2000-01-01 00:00:00', 'buy'),"
                    + " (2, 2, 2, 2, 2.5, 2.5, 2.50, DATE '2000-01-02', TIMESTAMP '2000-01-01 00:00:00.000001', 'sell'),"
                    + " (3, 3, 3, 3, 'NaN', 'NaN', 1.23, DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', 'buyer'),"
                    + " (-3, -3, -3, -3, -2.5, -2.5, -1.23, DATE '1969-12-31', TIMESTAMP '1970-01-01 00:00:00', 'BUY'),"
                    + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))"
                    + " AS t(i8, i16, i32, i64, f32, f64, dec, d, ts, s), range(50)) TO '" + file
                    + "' (FORMAT PARQUET, ROW_GROUP_SIZE 64)");
        }
        engine = Engine.open(EngineConfig.builder().batchRows(100).parallelism(2).build());
        try (SqlSession session = engine.openSession()) {
            ResultRows.query(session, "CREATE DATASET files FROM '" + file + "'");
            ResultRows.query(session, "CREATE DATASET mem FROM '" + file + "' WITH (cache = 'memory')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (SqlSession session = engine.openSession()) {
            ResultRows.query(session, "DROP DATASET files");
            ResultRows.query(session, "DROP DATASET mem");
        }
        assertEquals(0, engine.rootAllocator().getAllocatedMemory());
        engine.close();
        duck.close();
    }

    static Stream<String> predicates() {
        return Stream.of(
                "i8 = 127", "i8 > -128", "i8 >= -128", "i8 < 0", "i8 <> 2", "i8 > 2.5", "i8 <= 2.5", "i8 = 2.5",
                "i8 <> 2.5", "i8 < 1000", "i8 > -1000", "2 < i8", "i8 BETWEEN -3 AND 2", "i8 NOT BETWEEN -3 AND 2",
                "i16 = 32767", "i16 < -32767", "i16 >= 2", "i16 BETWEEN 0 AND 3",
                "i32 = -2147483648", "i32 >= 2147483647", "i32 > 1.999", "i32 < -2.001", "i32 BETWEEN 1.5 AND 3",
                "i64 = 9223372036854775807", "i64 > -9223372036854775808", "i64 < 3", "i64 <= -3",
                "f64 > 2", "f64 >= 2.5", "f64 < 0", "f64 = 0", "f64 = -0.0", "f64 <> 0", "f64 = 'NaN'::DOUBLE",
                "f64 > 'Infinity'::DOUBLE", "f64 < 'NaN'::DOUBLE", "f64 BETWEEN -2.5 AND 2.5", "f64 > 1e308",
                "f32 > 2", "f32 = 2.5", "f32 < -1", "f32 >= 'NaN'::REAL", "f32 BETWEEN 0 AND 3",
                "dec = 1.23", "dec > 1.2", "dec < 1.234", "dec = 1.234", "dec <> 1.234", "dec >= 99999999.99",
                "dec < -99999999", "dec BETWEEN -1.23 AND 2.5", "dec > 2", "2.50 = dec",
                "d = DATE '2024-02-29'", "d < DATE '1970-01-01'", "d >= DATE '2000-01-01'",
                "d BETWEEN DATE '1999-12-31' AND DATE '2000-01-02'",
                "ts > TIMESTAMP '2000-01-01 00:00:00'", "ts <= TIMESTAMP '1969-12-31 23:59:59.999999'",
                "ts = TIMESTAMP '2000-01-01 00:00:00.000001'", "ts < TIMESTAMP '1970-01-01 00:00:00'",
                "s = 'buy'", "s <> 'buy'", "s = ''", "s = 'buyer'", "'sell' = s", "s = 'BUY'", "s = 'zzzz'",
                // constants computed from literals, folded once when the plan is compiled
                "d < DATE '1999-12-01' + INTERVAL '1' MONTH", "d >= DATE '2000-01-01' - INTERVAL '1' DAY",
                "DATE '2023-02-28' + INTERVAL '1' YEAR <= d", "dec BETWEEN 0.06 - 0.07 AND 1.2 + 0.03",
                "i32 > 1 + 1", "i64 <> 4 - 7", "f64 < 5.0 / 2", "s = 'bu' || 'y'",
                "ts >= TIMESTAMP '1999-12-31 23:59:59' + INTERVAL '1' SECOND",
                "ts < TIMESTAMP '2000-01-01 00:00:00' + INTERVAL '0.001' SECOND",
                "i32 > CAST(NULL AS INTEGER) + 1");
    }

    @org.junit.jupiter.api.Test
    void aConstantThatFailsFailsOnlyWhenARowReachesIt() {
        try (SqlSession session = engine.openSession()) {
            // no row has i32 = 12345, so the division is never reached
            assertEquals(List.of(List.of(0L)), ResultRows.query(session,
                    "SELECT COUNT(*) FROM mem WHERE i32 = 12345 AND (CASE WHEN i32 = 12345 THEN i32 > 1 / 0 END)"));
            io.polaroid.error.PolaroidException error = org.junit.jupiter.api.Assertions.assertThrows(
                    io.polaroid.error.PolaroidException.class,
                    () -> ResultRows.query(session, "SELECT COUNT(*) FROM mem WHERE i32 > 1 / 0"));
            assertEquals("22012", error.sqlState(), error.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predicates")
    void countsAgreeWithDuckDb(String predicate) throws Exception {
        long expected;
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM '" + file + "' WHERE " + predicate)) {
            rs.next();
            expected = rs.getLong(1);
        }
        try (SqlSession session = engine.openSession()) {
            for (String dataset : List.of("files", "mem")) {
                assertEquals(List.of(List.of(expected)),
                        ResultRows.query(session, "SELECT COUNT(*) FROM " + dataset + " WHERE " + predicate),
                        predicate + " over " + dataset);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterized")
    void parametersBindPerExecution(String column, Object value, long expectedGreater) {
        try (SqlSession session = engine.openSession();
             PreparedQuery query = session.prepare("SELECT COUNT(*) FROM mem WHERE " + column + " > ?")) {
            try (QueryResult result = session.execute(query, java.util.Arrays.asList(value),
                    ExecutionOptions.defaults())) {
                assertEquals(List.of(List.of(expectedGreater)), ResultRows.read(result), column + " > " + value);
            }
            try (QueryResult result = session.execute(query, java.util.Arrays.asList((Object) null),
                    ExecutionOptions.defaults())) {
                assertEquals(List.of(List.of(0L)), ResultRows.read(result), column + " > NULL");
            }
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> parameterized() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("i32", 2, 100L),
                org.junit.jupiter.params.provider.Arguments.of("i64", -4L, 250L),
                org.junit.jupiter.params.provider.Arguments.of("dec", new java.math.BigDecimal("1.23"), 100L),
                org.junit.jupiter.params.provider.Arguments.of("f64", 2.5, 100L),
                org.junit.jupiter.params.provider.Arguments.of("d", java.time.LocalDate.of(2000, 1, 1), 100L));
    }
}
