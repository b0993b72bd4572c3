package io.polaroid.jdbc.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and Arrow IPC tables: types, values, and the same answers as the Parquet files they were made from. */
class ArrowFormatsTest {
    @TempDir
    Path temp;

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void csvColumnTypesAreInferredFromTheSample() throws Exception {
        Files.writeString(temp.resolve("mixed.csv"), String.join("\n",
                "id,price,flag,day,at,label,widened,when,blank,",
                "1,1.5,true,2024-02-29,2024-01-02 03:04:05.123456,\"a, quoted\",1,2024-01-01,,x",
                "2,,FALSE,2024-03-01,2024-01-02T03:04:06,plain,2.5,2024-01-01 10:00:00,,y",
                "-3,1e3,,,,,3,,,z", ""));
        try (Connection connection = ArrowModeTest.connect(temp);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM mixed ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Integer> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.add(meta.getColumnType(i));
                names.add(meta.getColumnName(i));
            }
            assertEquals(List.of("id", "price", "flag", "day", "at", "label", "widened", "when", "blank", "column10"), names);
            assertEquals(List.of(Types.BIGINT, Types.DOUBLE, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP, Types.VARCHAR,
                    Types.DOUBLE, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR), types);
            assertTrue(rs.next());
            assertEquals(-3, rs.getLong("id"));
            assertEquals(1000.0, rs.getDouble("price"));
            assertNull(rs.getObject("flag"));
            assertNull(rs.getObject("label"));
            assertTrue(rs.next());
            assertEquals(1.5, rs.getDouble("price"));
            assertTrue(rs.getBoolean("flag"));
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("day", LocalDate.class));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), rs.getObject("at", LocalDateTime.class));
            assertEquals("a, quoted", rs.getString("label"));
            assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), rs.getObject("when", LocalDateTime.class));
            assertTrue(rs.next());
            assertNull(rs.getObject("price"));
            assertFalse(rs.getBoolean("flag"));
            assertEquals(2.5, rs.getDouble("widened"));
            assertFalse(rs.next());
        }
    }

    @Test
    void aCsvValueBeyondTheSampleThatDoesNotFitItsTypeFailsNamingFileLineAndColumn() throws Exception {
        StringBuilder text = new StringBuilder("n,s\n");
        for (int i = 0; i < 1500; i++) {
            text.append(i).append(",x\n");
        }
        text.append("oops,y\n");
        Path file = temp.resolve("late.csv");
        Files.writeString(file, text);
        try (Connection connection = ArrowModeTest.connect(temp)) {
            SQLException error = assertThrows(SQLException.class, () -> ArrowModeTest.count(connection, "SELECT sum(n) FROM late"));
            assertEquals("22018", error.getSQLState());
            assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("line 1502")
                    && error.getMessage().contains("'n'"), error.getMessage());
            assertEquals(1501, ArrowModeTest.count(connection, "SELECT count(s) FROM late"),
                    "columns the query does not read are not converted");
        }
    }

    @Test
    void aCsvRecordWithTheWrongNumberOfFieldsIsCorrupt() throws Exception {
        Path file = temp.resolve("ragged.csv");
        Files.writeString(file, "a,b\n1,2\n3\n");
        try (Connection connection = ArrowModeTest.connect(temp)) {
            SQLException error = assertThrows(SQLException.class, () -> ArrowModeTest.count(connection, "SELECT count(*) FROM ragged"));
            assertEquals("22000", error.getSQLState());
            assertTrue(error.getMessage().contains(file + "' line 3"), error.getMessage());
        }
    }

    @Test
    void csvAnswersEqualTheParquetFileItWasExportedFrom() throws Exception {
        Path csv = temp.resolve("trades_csv.csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT id, sym, ts, price, volume, side FROM '" + TestData.file("trades")
                    + "') TO '" + csv + "' (HEADER, DELIMITER ',')");
        }
        Files.copy(TestData.file("trades"), temp.resolve("trades.parquet"));
        String query = "SELECT sym, count(*), count(price), sum(volume), min(ts), max(ts), round(sum(price), 2) "
                + "FROM %s WHERE side = 'BUY' GROUP BY sym ORDER BY sym";
        try (Connection connection = ArrowModeTest.connect(temp)) {
            List<List<Object>> fromCsv = rows(connection, query.formatted("trades_csv"));
            assertEquals(17, fromCsv.size());
            assertEquals(rows(connection, query.formatted("trades")), fromCsv);
        }
    }

    @Test
    void arrowIpcFilesAndStreamsReadWithTheirTypesMapped() throws Exception {
        ArrowIpcFiles.writeFile(temp.resolve("ticks.arrow"), 5);
        ArrowIpcFiles.writeStream(temp.resolve("streamed.arrow"), 5);
        ArrowIpcFiles.writeFile(temp.resolve("frame.feather"), 5);
        try (Connection connection = ArrowModeTest.connect(temp)) {
            for (String table : List.of("ticks", "streamed", "frame")) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                        "SELECT id, name, big_name, price, ts, tstz, \"day\", id AS again FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    assertEquals(Types.VARCHAR, meta.getColumnType(3), "large strings are plain VARCHAR");
                    assertEquals(Types.TIMESTAMP, meta.getColumnType(5));
                    assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, meta.getColumnType(6));
                    assertEquals(Types.DATE, meta.getColumnType(7));
                    for (int i = 0; i < 5; i++) {
                        assertTrue(rs.next(), table);
                        assertEquals(i, rs.getLong(1));
                        assertEquals(i == 4 ? null : "n" + i, rs.getString(2));
                        assertEquals("big" + i, rs.getString(3));
                        assertEquals(i * 1.5, rs.getDouble(4));
                        // nanoseconds truncate to microseconds, as for Parquet
                        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, i, 1_000), rs.getObject(5, LocalDateTime.class));
                        assertEquals(Instant.parse("2024-01-01T00:00:00.000001Z").plusSeconds(i),
                                rs.getObject(6, OffsetDateTime.class).toInstant());
                        assertEquals(LocalDate.of(2024, 1, 1).plusDays(i), rs.getObject(7, LocalDate.class));
                        assertEquals(i, rs.getLong(8));
                    }
                    assertFalse(rs.next());
                }
            }
            assertEquals(5, ArrowModeTest.count(connection,
                    "SELECT count(*) FROM ticks t JOIN frame f ON t.id = f.id WHERE t.big_name = f.big_name"));
            assertEquals(5, ArrowModeTest.count(connection, "SELECT count(DISTINCT id) FROM ticks WHERE price >= 0"));
        }
    }

    @Test
    void aLargeArrowFileIsReadInPartsWithTheSameAnswers() throws Exception {
        // 3,001 rows in record batches of 2: 1,501 batches, read as 64 parts in parallel
        ArrowIpcFiles.writeFile(temp.resolve("many.arrow"), 3001);
        ArrowIpcFiles.writeStream(temp.resolve("one.arrow"), 3001);
        try (Connection connection = ArrowModeTest.connect(temp)) {
            String query = "SELECT count(*), count(name), sum(id), min(ts), max(\"day\") FROM %s";
            List<List<Object>> parts = rows(connection, query.formatted("many"));
            assertEquals(List.of(3001L, 3000L, 3001L * 3000 / 2), parts.get(0).subList(0, 3));
            assertEquals(rows(connection, query.formatted("one")), parts);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "EXPLAIN PLAN FOR SELECT count(*) FROM many")) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                assertTrue(plan.toString().contains("64 split(s)"), plan.toString());
            }
        }
    }

    @Test
    void anArrowColumnOfATypeTheSystemDoesNotServeFailsNamingIt() throws Exception {
        Path file = temp.resolve("unsigned_ints.arrow");
        try (var allocator = new org.apache.arrow.memory.RootAllocator();
             var value = new org.apache.arrow.vector.UInt8Vector("u", allocator);
             var root = new org.apache.arrow.vector.VectorSchemaRoot(List.of(value));
             var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.WRITE);
             var writer = new org.apache.arrow.vector.ipc.ArrowFileWriter(root, null, channel)) {
            writer.start();
            value.allocateNew(1);
            value.set(0, 7);
            root.setRowCount(1);
            writer.writeBatch();
            writer.end();
        }
        try (Connection connection = ArrowModeTest.connect(temp)) {
            SQLException error = assertThrows(SQLException.class, () -> ArrowModeTest.count(connection, "SELECT count(*) FROM unsigned_ints"));
            assertEquals("0A000", error.getSQLState());
            assertTrue(error.getMessage().contains("'u'") && error.getMessage().contains(file.toString()), error.getMessage());
        }
    }
}
