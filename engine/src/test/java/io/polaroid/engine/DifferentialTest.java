package io.polaroid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.polaroid.engine.api.SqlSession;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential correctness: every query runs three ways on the same Parquet files — Polaroid with vector
 * execution, Polaroid with Calcite's row engine only, and DuckDB (an independent engine) — and the
 * results must agree (as multisets; doubles to a relative 1e-9).
 */
class DifferentialTest {
    @TempDir
    static Path dir;
    private static Engine vectorEngine;
    private static Engine rowEngine;
    private static Connection duck;

    @BeforeAll
    static void setUp() throws Exception {
        TestData.writeTrades(dir, 20_000);
        vectorEngine = Engine.open(EngineConfig.builder().batchRows(1024).parallelism(2).build());
        rowEngine = Engine.open(EngineConfig.builder().vectorExecution(false).build());
        for (Engine engine : List.of(vectorEngine, rowEngine)) {
            try (SqlSession session = engine.openSession()) {
                ResultRows.query(session, "CREATE DATASET trades FROM '" + dir.resolve("trades.parquet") + "'");
                ResultRows.query(session, "CREATE DATASET symbols FROM '" + dir.resolve("symbols.parquet") + "'");
            }
        }
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("SET default_null_order = 'nulls_last'");
            st.execute("CREATE VIEW trades AS SELECT * FROM '" + dir.resolve("trades.parquet") + "'");
            st.execute("CREATE VIEW symbols AS SELECT * FROM '" + dir.resolve("symbols.parquet") + "'");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (duck != null) {
            duck.close();
        }
        if (vectorEngine != null) {
            assertEquals(0, vectorEngine.rootAllocator().getAllocatedMemory());
            vectorEngine.close();
        }
        if (rowEngine != null) {
            rowEngine.close();
        }
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // filters and projections
                same("SELECT id, symbol, price FROM trades WHERE price > 300 AND qty < 100"),
                same("SELECT id, price * qty, amount + 1, amount * 2, -qty FROM trades WHERE id % 97 = 0"),
                same("SELECT id FROM trades WHERE symbol IN ('AAPL', 'TSLA', 'XOM', 'NVDA') AND side = 'buy'"),
                same("SELECT id FROM trades WHERE price BETWEEN 150 AND 151.5"),
                same("SELECT id, side FROM trades WHERE side IS NULL AND id < 500"),
                same("SELECT id FROM trades WHERE NOT (side = 'sell' OR flag) AND id < 2000"),
                same("SELECT id, symbol FROM trades WHERE symbol LIKE 'A%' AND symbol NOT LIKE '%L' AND id < 300"),
                same("SELECT id FROM trades WHERE LOWER(symbol) LIKE '%s%' AND id < 3000"),
                same("SELECT id, UPPER(symbol), LOWER(symbol), SUBSTRING(symbol, 2, 2), symbol || '-' || side,"
                        + " CHAR_LENGTH(symbol), TRIM(' ' FROM ' x ') FROM trades WHERE id < 50"),
                same("SELECT id, CASE WHEN qty > 400 THEN 'large' WHEN qty > 100 THEN 'mid' ELSE 'small' END,"
                        + " COALESCE(side, 'none'), NULLIF(qty, 0) FROM trades WHERE id < 1000"),
                same("SELECT id, CAST(qty AS DOUBLE) / 4, CAST(price AS DECIMAL(10, 2)), CAST(qty AS VARCHAR)"
                        + " FROM trades WHERE id < 100"),
                same("SELECT id, ABS(qty - 250), ROUND(price, 1), FLOOR(price), CEIL(price), SQRT(qty), POWER(qty, 2)"
                        + " FROM trades WHERE id < 200"),
                // decimals
                same("SELECT id, amount, amount * amount, amount - 10.5 FROM trades WHERE amount > 990 AND id < 20000"),
                // dates and timestamps
                same("SELECT id, day, ts, ts_utc FROM trades WHERE ts >= TIMESTAMP '2024-01-01 10:00:00'"
                        + " AND ts < TIMESTAMP '2024-01-01 10:30:00'"),
                same("SELECT id, EXTRACT(YEAR FROM day), EXTRACT(MONTH FROM day), EXTRACT(DAY FROM day),"
                        + " EXTRACT(HOUR FROM ts), EXTRACT(MINUTE FROM ts) FROM trades WHERE id % 501 = 0"),
                // date_trunc keeps the argument's type, as in PostgreSQL; DuckDB returns DATE for day and coarser
                pair("SELECT id, date_trunc('hour', ts), date_trunc('day', ts), date_trunc('month', ts),"
                        + " date_trunc('week', ts), date_trunc('minute', ts_utc) FROM trades WHERE id % 333 = 0",
                        "SELECT id, date_trunc('hour', ts), date_trunc('day', ts)::TIMESTAMP,"
                        + " date_trunc('month', ts)::TIMESTAMP, date_trunc('week', ts)::TIMESTAMP,"
                        + " date_trunc('minute', ts_utc) FROM trades WHERE id % 333 = 0"),
                same("SELECT id, time_bucket(INTERVAL '5' MINUTE, ts), time_bucket(INTERVAL '1' HOUR, ts_utc)"
                        + " FROM trades WHERE id % 777 = 0"),
                // DATE + INTERVAL is a DATE (standard SQL); DuckDB and PostgreSQL make it a TIMESTAMP
                pair("SELECT id, ts + INTERVAL '1' DAY, day + INTERVAL '2' MONTH FROM trades WHERE id % 1001 = 0",
                        "SELECT id, ts + INTERVAL '1' DAY, CAST(day + INTERVAL '2' MONTH AS DATE) FROM trades"
                        + " WHERE id % 1001 = 0"),
                same("SELECT id FROM trades WHERE day = DATE '2024-01-05' AND id < 5000"),
                // aggregates
                same("SELECT symbol, COUNT(*), SUM(qty), MIN(price), MAX(price), AVG(price) FROM trades GROUP BY symbol"),
                same("SELECT side, COUNT(side), COUNT(DISTINCT symbol), SUM(amount) FROM trades GROUP BY side"),
                same("SELECT COUNT(*), SUM(qty), AVG(qty), MIN(day), MAX(ts) FROM trades"),
                same("SELECT symbol, date_trunc('hour', ts) AS h, MIN(price), MAX(price), SUM(qty) FROM trades"
                        + " GROUP BY symbol, date_trunc('hour', ts)"),
                pair("SELECT symbol, ARG_MAX(id, price), ARG_MIN(id, price) FROM trades GROUP BY symbol",
                        "SELECT symbol, arg_max(id, price), arg_min(id, price) FROM trades GROUP BY symbol"),
                same("SELECT symbol, COUNT(*) FROM trades WHERE flag GROUP BY symbol HAVING COUNT(*) > 1000"),
                // joins
                same("SELECT t.id, s.sector FROM trades t JOIN symbols s ON t.symbol = s.symbol WHERE t.id < 200"),
                same("SELECT t.id, s.sector FROM trades t LEFT JOIN symbols s ON t.symbol = s.symbol WHERE t.id < 100"),
                same("SELECT s.symbol, COUNT(t.id) FROM symbols s LEFT JOIN trades t ON t.symbol = s.symbol"
                        + " GROUP BY s.symbol"),
                same("SELECT t.id FROM trades t WHERE t.symbol IN (SELECT symbol FROM symbols WHERE sector = 'tech')"
                        + " AND t.id < 300"),
                same("SELECT t.id, s.weight FROM trades t JOIN symbols s ON t.symbol = s.symbol AND t.price > 300 * s.weight"
                        + " WHERE t.id < 1000"),
                // sorting and limits
                same("SELECT id, price FROM trades ORDER BY price DESC, id LIMIT 25"),
                same("SELECT id, side FROM trades WHERE id < 100 ORDER BY side NULLS FIRST, id LIMIT 10 OFFSET 5"),
                // windows
                same("SELECT id, AVG(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)"
                        + " FROM trades WHERE id < 600"),
                same("SELECT id, FIRST_VALUE(price) OVER (PARTITION BY symbol ORDER BY id),"
                        + " ROW_NUMBER() OVER (PARTITION BY side ORDER BY id) FROM trades WHERE id < 400"),
                // OHLCV resample
                same("SELECT symbol, time_bucket(INTERVAL '15' MINUTE, ts) AS bar, MIN(price), MAX(price), SUM(qty),"
                        + " COUNT(*) FROM trades WHERE ts < TIMESTAMP '2024-01-02 00:00:00' GROUP BY 1, 2"),
                // columns named like time units (hive partitions: year=/month=/day=)
                same("SELECT day, COUNT(*) FROM trades GROUP BY day HAVING day < DATE '2024-01-01'"),
                same("SELECT t.day AS day FROM trades t WHERE t.day = DATE '2023-12-31' AND id < 100"),
                // set operations, DISTINCT, grouping sets
                same("SELECT symbol FROM trades WHERE id < 10 UNION ALL SELECT symbol FROM symbols"),
                same("SELECT symbol FROM trades UNION SELECT symbol FROM symbols"),
                same("SELECT symbol FROM trades INTERSECT SELECT symbol FROM symbols"),
                same("SELECT symbol FROM symbols EXCEPT SELECT symbol FROM trades"),
                same("SELECT DISTINCT side, flag FROM trades"),
                same("SELECT symbol, side, COUNT(*), SUM(qty) FROM trades GROUP BY ROLLUP(symbol, side)"),
                same("SELECT side, flag, COUNT(*) FROM trades GROUP BY CUBE(side, flag)"),
                same("SELECT symbol, COUNT(DISTINCT side), COUNT(DISTINCT qty), SUM(DISTINCT qty) FROM trades"
                        + " GROUP BY symbol"),
                same("SELECT COUNT(*) FILTER (WHERE side = 'buy'), SUM(qty) FILTER (WHERE flag), SUM(CASE WHEN"
                        + " price > 200 THEN qty ELSE 0 END) FROM trades"),
                same("SELECT symbol, BOOL_AND(flag), BOOL_OR(qty > 490), STDDEV_SAMP(price), VAR_POP(qty)"
                        + " FROM trades GROUP BY symbol"),
                same("SELECT symbol, AVG(amount), MIN(side), MAX(symbol || side) FROM trades GROUP BY symbol"),
                // ordered-set aggregates
                same("SELECT symbol, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY price),"
                        + " PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY qty),"
                        + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY qty DESC) FROM trades GROUP BY symbol"),
                same("SELECT MEDIAN(qty), MEDIAN(price), PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY day) FROM trades"),
                // sub-queries
                same("SELECT id FROM trades t WHERE price > (SELECT AVG(price) * 1.6 FROM trades u"
                        + " WHERE u.symbol = t.symbol) AND id < 3000"),
                same("SELECT symbol FROM symbols s WHERE EXISTS (SELECT 1 FROM trades t WHERE t.symbol = s.symbol"
                        + " AND t.qty > 498)"),
                same("SELECT symbol FROM symbols s WHERE NOT EXISTS (SELECT 1 FROM trades t WHERE t.symbol = s.symbol)"),
                same("SELECT id FROM trades WHERE symbol NOT IN (SELECT symbol FROM symbols WHERE sector IS NOT NULL)"
                        + " AND id < 40"),
                same("SELECT id, (SELECT MAX(weight) FROM symbols) FROM trades WHERE id < 5"),
                same("WITH big AS (SELECT symbol, SUM(qty) AS q FROM trades GROUP BY symbol)"
                        + " SELECT b.symbol, b.q, s.sector FROM big b LEFT JOIN symbols s ON b.symbol = s.symbol"),
                // joins of every kind
                same("SELECT t.id, s.symbol FROM trades t RIGHT JOIN symbols s ON t.symbol = s.symbol AND t.id < 20"),
                same("SELECT t.id, s.symbol FROM (SELECT * FROM trades WHERE id < 20) t FULL JOIN symbols s"
                        + " ON t.symbol = s.symbol"),
                same("SELECT t.id, s.symbol FROM trades t, symbols s WHERE t.id < 3"),
                same("SELECT t.id, s.symbol FROM trades t JOIN symbols s ON t.qty < s.weight * 10 WHERE t.id < 300"),
                // windows
                same("SELECT id, RANK() OVER (PARTITION BY symbol ORDER BY qty), DENSE_RANK() OVER (ORDER BY side)"
                        + " FROM trades WHERE id < 200"),
                same("SELECT id, LAG(price) OVER (PARTITION BY symbol ORDER BY id), LEAD(qty, 2) OVER (ORDER BY id)"
                        + " FROM trades WHERE id < 300"),
                same("SELECT id, SUM(qty) OVER (PARTITION BY symbol ORDER BY id), COUNT(*) OVER (PARTITION BY side),"
                        + " MAX(price) OVER (PARTITION BY symbol ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING)"
                        + " FROM trades WHERE id < 500"),
                same("SELECT id, LAST_VALUE(price) OVER (PARTITION BY symbol ORDER BY id ROWS BETWEEN UNBOUNDED"
                        + " PRECEDING AND UNBOUNDED FOLLOWING) FROM trades WHERE id < 100"),
                // expressions
                same("SELECT id, GREATEST(qty, 100), LEAST(price, 200.0), REPLACE(symbol, 'A', 'a'),"
                        + " POSITION('S' IN symbol), qty % 7, -amount FROM trades WHERE id < 50"),
                same("SELECT id, CAST(id AS VARCHAR) || '/' || symbol, CAST(amount AS VARCHAR), CAST(qty::DOUBLE AS"
                        + " DECIMAL(8,1)), CAST(amount AS INTEGER), CAST(price AS INTEGER) FROM trades WHERE id < 100"),
                same("SELECT id, EXTRACT(EPOCH FROM ts_utc), EXTRACT(DOW FROM day), EXTRACT(DOY FROM day),"
                        + " EXTRACT(QUARTER FROM ts) FROM trades WHERE id % 997 = 0"),
                pair("SELECT id, ts - INTERVAL '90' MINUTE, day - INTERVAL '1' DAY FROM trades WHERE id % 997 = 0",
                        "SELECT id, ts - INTERVAL '90' MINUTE, CAST(day - INTERVAL '1' DAY AS DATE) FROM trades"
                        + " WHERE id % 997 = 0"),
                same("SELECT id, side IS DISTINCT FROM 'buy', COALESCE(side, symbol, 'x') FROM trades WHERE id < 30"),
                same("SELECT id FROM trades WHERE day BETWEEN DATE '2024-01-02' AND DATE '2024-01-03' AND id < 2000"),
                same("SELECT symbol, COUNT(*) FROM trades GROUP BY symbol ORDER BY COUNT(*) DESC, symbol LIMIT 3"),
                same("SELECT id, price FROM trades ORDER BY qty * price DESC, id LIMIT 5"),
                same("SELECT * FROM (VALUES (1, 'a'), (2, NULL), (3, 'c')) AS v(i, s) WHERE i > 1"));
    }

    private static Arguments same(String sql) {
        return Arguments.of(sql, sql);
    }

    private static Arguments pair(String polaroid, String duckdb) {
        return Arguments.of(polaroid, duckdb);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void agreesWithDuckDbAndWithRowExecution(String sql, String duckSql) throws Exception {
        List<List<Object>> vector;
        List<List<Object>> rows;
        try (SqlSession session = vectorEngine.openSession()) {
            vector = normalize(ResultRows.query(session, sql));
        }
        try (SqlSession session = rowEngine.openSession()) {
            rows = normalize(ResultRows.query(session, sql));
        }
        List<List<Object>> expected = normalize(duckDb(duckSql));
        assertSame("row engine vs DuckDB", expected, rows);
        assertSame("vector engine vs DuckDB", expected, vector);
    }

    private static List<List<Object>> duckDb(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String type = meta.getColumnTypeName(c);
                    Object value;
                    if (type.equals("TIMESTAMP")) {
                        value = rs.getObject(c, LocalDateTime.class);
                    } else if (type.startsWith("TIMESTAMP WITH TIME ZONE")) {
                        OffsetDateTime time = rs.getObject(c, OffsetDateTime.class);
                        value = time == null ? null : time.toInstant();
                    } else if (type.equals("DATE")) {
                        value = rs.getObject(c, LocalDate.class);
                    } else {
                        value = rs.getObject(c);
                    }
                    row.add(value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Numbers become Long (integral) or Double; dates stay; rows are sorted so order does not matter. */
    private static List<List<Object>> normalize(List<List<Object>> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (Object value : row) {
                values.add(normalize(value));
            }
            result.add(values);
        }
        result.sort(Comparator.comparing(Object::toString));
        return result;
    }

    private static Object normalize(Object value) {
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof Instant || value instanceof LocalDateTime || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return new BigDecimal(value.toString()).longValueExact();
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = ((BigDecimal) value).stripTrailingZeros();
            return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
        }
        if (value instanceof Float || value instanceof Double) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return value;
    }

    private static void assertSame(String what, List<List<Object>> expected, List<List<Object>> actual) {
        if (expected.size() != actual.size()) {
            fail(what + ": " + expected.size() + " rows expected, " + actual.size() + " returned; first expected "
                    + expected.stream().limit(3).toList() + ", first returned " + actual.stream().limit(3).toList());
        }
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            if (e.size() != a.size()) {
                fail(what + ": row " + r + " has " + a.size() + " columns, expected " + e.size());
            }
            for (int c = 0; c < e.size(); c++) {
                if (!close(e.get(c), a.get(c))) {
                    fail(what + ": row " + r + " column " + (c + 1) + ": expected " + e + " but got " + a);
                }
            }
        }
    }

    private static boolean close(Object expected, Object actual) {
        if (expected instanceof Number && actual instanceof Number) {
            double e = ((Number) expected).doubleValue();
            double a = ((Number) actual).doubleValue();
            return e == a || Math.abs(e - a) <= 1e-9 * Math.max(Math.abs(e), Math.abs(a));
        }
        return java.util.Objects.equals(expected, actual);
    }
}
