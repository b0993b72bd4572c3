package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same queries through Polaroid and through DuckDB's JDBC driver, on the same Parquet files: the
 * rows must agree (doubles to 12 significant digits, since the order of a floating-point sum may differ).
 */
public abstract class DifferentialContract extends DriverContract {
    private static final MathContext DOUBLE_PRECISION = new MathContext(12);
    private Connection duckdb;

    @BeforeAll
    void openOracle() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            for (String name : new String[] {"trades", "symbols"}) {
                statement.execute("CREATE VIEW " + name + " AS SELECT * FROM '" + TestData.file(name) + "'");
            }
        }
    }

    @AfterAll
    void closeOracle() throws SQLException {
        duckdb.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT sym, count(*) AS n, count(price) AS priced, sum(volume) AS vol, min(price) AS lo, max(price) AS hi, "
                + "avg(price) AS mean FROM trades GROUP BY sym ORDER BY sym",
        "SELECT id, sym, price FROM trades WHERE price > 300 AND side = 'SELL' ORDER BY price DESC, id LIMIT 25",
        "SELECT s.sector, count(*) AS n, sum(t.volume * t.price) AS notional FROM trades t "
                + "JOIN symbols s ON t.sym = s.sym GROUP BY s.sector ORDER BY s.sector",
        "SELECT t.id, t.sym, s.sector FROM trades t LEFT JOIN symbols s ON t.sym = s.sym WHERE t.id < 60 ORDER BY t.id",
        "SELECT id, sym, avg(price) OVER (PARTITION BY sym ORDER BY ts ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) "
                + "AS rolling FROM trades WHERE id < 700 ORDER BY id",
        "SELECT date_trunc('hour', ts) AS bucket, count(*) AS n, min(price) AS lo, max(price) AS hi FROM trades "
                + "GROUP BY date_trunc('hour', ts) ORDER BY bucket",
        "SELECT side, sum(fee) AS fees, max(fee) AS top, min(fee) AS bottom FROM trades GROUP BY side ORDER BY side",
        "SELECT count(*) AS n, count(price) AS priced, sum(CASE WHEN price IS NULL THEN 1 ELSE 0 END) AS missing, "
                + "sum(coalesce(price, -1)) AS filled FROM trades",
        "SELECT venue, upper(venue) AS u, lower(venue) AS l, length(venue) AS len, count(*) AS n FROM trades "
                + "GROUP BY venue ORDER BY venue",
        "SELECT count(DISTINCT sym) AS symbols, count(DISTINCT venue) AS venues FROM trades",
        "SELECT sym, ts, price FROM trades WHERE ts BETWEEN TIMESTAMP '2024-01-01 10:00:00' "
                + "AND TIMESTAMP '2024-01-01 10:05:00' ORDER BY ts",
        "SELECT sym, sum(volume) AS vol FROM trades GROUP BY sym HAVING sum(volume) > 15000 ORDER BY vol DESC, sym"
    })
    void polaroidAgreesWithDuckDb(String sql) throws SQLException {
        List<List<Object>> expected = normalized(duckdb, sql);
        List<List<Object>> actual = normalized(connection, sql);
        assertTrue(!expected.isEmpty(), "the oracle returned no rows for " + sql);
        assertEquals(expected.size(), actual.size(), "row count of " + sql);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + sql);
        }
    }

    private static List<List<Object>> normalized(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : rows(rs)) {
                List<Object> values = new ArrayList<>();
                for (Object value : row) {
                    values.add(normalize(value));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    /** One representation per kind of value, so the drivers' choices of Java class do not matter. */
    private static Object normalize(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).round(DOUBLE_PRECISION).stripTrailingZeros();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).round(DOUBLE_PRECISION).stripTrailingZeros();
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return new BigDecimal(value.toString()).stripTrailingZeros();
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toLocalDateTime();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof LocalDateTime || value instanceof String || value == null) {
            return value;
        }
        return value.toString();
    }
}
