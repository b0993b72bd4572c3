package io.polaroid.parquet;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB as the writer of test files and the oracle of their values (an in-memory database per use). */
final class DuckDb implements AutoCloseable {
    private final Connection connection;

    DuckDb() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            execute("SET threads = 1");
            execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** {@code COPY (select) TO file (FORMAT parquet, options)}. */
    void copy(String select, Path file, String options) {
        execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet" + (options.isEmpty() ? "" : ", " + options) + ")");
    }

    /** Every row of {@code sql}, normalized with {@link Normalized}. */
    List<List<Object>> rows(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(value(rs, i, meta.getColumnTypeName(i)));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of the file as DuckDB reads it, in file order. */
    List<List<Object>> fileRows(Path file, String columns) {
        return rows("SELECT " + columns + " FROM read_parquet('" + file + "')");
    }

    Object scalar(String sql) {
        List<List<Object>> rows = rows(sql);
        return rows.get(0).get(0);
    }

    private static Object value(ResultSet rs, int column, String typeName) throws SQLException {
        if (typeName.startsWith("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : Normalized.of(value.toInstant());
        }
        if (typeName.startsWith("TIMESTAMP")) {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : Normalized.of(value);
        }
        return fromJdbc(rs.getObject(column));
    }

    static Object fromJdbc(Object value) throws SQLException {
        if (value instanceof Array array) {
            List<Object> list = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                list.add(fromJdbc(element));
            }
            return list;
        }
        if (value instanceof Struct struct) {
            List<Object> fields = new ArrayList<>();
            for (Object attribute : struct.getAttributes()) {
                fields.add(fromJdbc(attribute));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(fromJdbc(entry.getKey()), fromJdbc(entry.getValue()));
            }
            return result;
        }
        if (value instanceof Blob blob) {
            return Normalized.of(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof OffsetTime time) {
            return Normalized.of(time.toLocalTime());
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return Normalized.of(timestamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return Normalized.of(date.toLocalDate());
        }
        if (value != null && value.getClass().getSimpleName().equals("JsonNode")) {
            return value.toString();
        }
        return Normalized.of(value);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
