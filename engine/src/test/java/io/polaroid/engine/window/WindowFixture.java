package io.polaroid.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;

/**
 * Test data and result comparison for window queries: a Parquet file written by DuckDB (an independent
 * writer) with partitions, ties, NULLs and microsecond timestamps, and results read into rows of plain
 * values (integers as Long, floating point as Double, timestamps as LocalDateTime, strings as String),
 * compared as multisets with a relative tolerance for doubles.
 */
final class WindowFixture {
    private WindowFixture() {
    }

    /**
     * {@code ticks.parquet} with {@code rows} rows: id (unique), sym (5 values and NULLs), k (a key with many
     * ties and NULLs), ts (microsecond timestamps, ties within a symbol), price (double with NULLs), qty (int
     * with NULLs), venue (strings); and {@code empty.parquet} with the same columns and no rows.
     */
    static void write(Connection duck, Path dir, int rows) throws SQLException {
        try (Statement st = duck.createStatement()) {
            String select = "SELECT range AS id,"
                    + " CASE WHEN range % 23 = 0 THEN NULL ELSE ['AAPL', 'MSFT', 'GOOG', 'TSLA', 'amzn'][(range % 5) + 1] END AS sym,"
                    + " CASE WHEN range % 11 = 0 THEN NULL ELSE CAST((range * 7) % 13 AS INTEGER) END AS k,"
                    + " TIMESTAMP '2024-03-04 09:30:00' + to_microseconds((range // 3) * 1000003) AS ts,"
                    + " CASE WHEN range % 17 = 0 THEN NULL ELSE round(100 + (range % 97) * 0.37 + (range % 7) * 0.011, 3)::DOUBLE END AS price,"
                    + " CASE WHEN range % 19 = 0 THEN NULL ELSE CAST((range * 37) % 500 - 100 AS INTEGER) END AS qty,"
                    + " ['XNAS', 'ARCX', 'BATS'][(range % 3) + 1] AS venue"
                    + " FROM range(" + rows + ")";
            st.execute("COPY (" + select + ") TO '" + dir.resolve("ticks.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)");
            st.execute("COPY (" + select + " LIMIT 0) TO '" + dir.resolve("empty.parquet") + "' (FORMAT PARQUET)");
        }
    }

    static List<List<Object>> polaroid(SqlSession session, String sql) {
        return polaroid(session, sql, ExecutionOptions.defaults());
    }

    static List<List<Object>> polaroid(SqlSession session, String sql, ExecutionOptions options) {
        List<List<Object>> rows = new ArrayList<>();
        try (QueryResult result = session.execute(sql, options)) {
            for (Batch batch = result.next(); batch != null; batch = result.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector column : batch.columns()) {
                        row.add(normalize(column.getObject(r)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static List<List<Object>> duckDb(Connection duck, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = meta.getColumnTypeName(c).equals("TIMESTAMP")
                            ? rs.getObject(c, LocalDateTime.class) : rs.getObject(c);
                    row.add(normalize(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object normalize(Object value) {
        if (value instanceof Text || value instanceof String) {
            return value.toString();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact() : decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }

    /** Asserts the same rows in any order; doubles agree to a relative 1e-9. */
    static void assertSameRows(String what, List<List<Object>> expected, List<List<Object>> actual) {
        List<List<Object>> e = sorted(expected);
        List<List<Object>> a = sorted(actual);
        assertEquals(e.size(), a.size(), what + ": row count");
        for (int r = 0; r < e.size(); r++) {
            List<Object> expectedRow = e.get(r);
            List<Object> actualRow = a.get(r);
            assertEquals(expectedRow.size(), actualRow.size(), what + ": columns of row " + r);
            for (int c = 0; c < expectedRow.size(); c++) {
                if (!close(expectedRow.get(c), actualRow.get(c))) {
                    fail(what + ": row " + r + " column " + (c + 1) + ": expected " + expectedRow + " but got "
                            + actualRow);
                }
            }
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(WindowFixture::sortKey));
        return copy;
    }

    /** Sorts by every non-double value (doubles may differ in the last digits between engines). */
    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(value instanceof Double ? "~" : String.valueOf(value)).append('|');
        }
        return key.toString();
    }

    private static boolean close(Object expected, Object actual) {
        if (expected instanceof Double && actual instanceof Double) {
            double e = (Double) expected;
            double a = (Double) actual;
            return e == a || (Double.isNaN(e) && Double.isNaN(a))
                    || Math.abs(e - a) <= 1e-9 * Math.max(Math.abs(e), Math.abs(a));
        }
        return Objects.equals(expected, actual);
    }
}
