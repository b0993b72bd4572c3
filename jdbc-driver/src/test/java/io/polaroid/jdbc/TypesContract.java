package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every type read through every fitting getter, and bound through every setter, with the JVM's zone
 * set to one that is neither UTC nor a whole number of hours away from it: a driver that confuses
 * TIMESTAMP (a wall clock) with TIMESTAMP WITH TIME ZONE (an instant) fails here.
 */
public abstract class TypesContract extends DriverContract {
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDateTime WALL_CLOCK = LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000);
    private static final Instant INSTANT = Instant.parse("2024-01-02T03:04:05.678901Z");
    private TimeZone savedZone;

    @BeforeAll
    void useAZoneThatIsNotUtc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    }

    @AfterAll
    void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    private ResultSet typesRow(Statement statement, int id) throws SQLException {
        ResultSet rs = statement.executeQuery("SELECT * FROM types WHERE id = " + id);
        assertTrue(rs.next(), "row " + id + " of types");
        return rs;
    }

    @Test
    void numbersReadExactly() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertTrue(rs.getBoolean("bool"));
            assertEquals(-7, rs.getByte("tiny"));
            assertEquals(Integer.valueOf(-7), rs.getObject("tiny"));
            assertEquals(300, rs.getShort("small"));
            assertEquals(123456, rs.getInt("int"));
            assertEquals(5_000_000_000L, rs.getLong("big"));
            assertEquals(Long.valueOf(5_000_000_000L), rs.getObject("big"));
            assertEquals(255, rs.getInt("ubyte"), "UINT_8 widens to SMALLINT");
            assertEquals(0.5f, rs.getFloat("real"));
            assertEquals(Float.valueOf(0.5f), rs.getObject("real"));
            assertEquals(-2.75, rs.getDouble("dbl"));
            assertEquals(new BigDecimal("1234567.89"), rs.getBigDecimal("dec9"));
            assertEquals(new BigDecimal("12345678901234.5678"), rs.getBigDecimal("dec18"));
            assertEquals(new BigDecimal("123456789012345678901234.56789"), rs.getObject("dec30"));
            assertEquals(1234567, rs.getInt("dec9"));
            assertEquals("22003", sqlState(() -> rs.getInt("big")));
            assertEquals("22003", sqlState(() -> rs.getByte("small")));
        }
    }

    @Test
    void textBinaryAndUuidRead() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertEquals("héllo", rs.getString("text"));
            assertEquals("héllo", rs.getObject("text", String.class));
            assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, rs.getBytes("bin"));
            assertEquals("550e8400-e29b-41d4-a716-446655440000", rs.getString("uuid"), "UUID reads as text");
            assertEquals("22018", sqlState(() -> rs.getInt("text")));
        }
    }

    @Test
    void datesAndTimesRead() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertEquals(Date.valueOf("2024-02-29"), rs.getDate("date"));
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("date", LocalDate.class));
            assertEquals(LocalTime.of(13, 14, 15, 123_456_000), rs.getObject("time", LocalTime.class));
            assertEquals("13:14:15.123456", rs.getString("time"));
            assertEquals(LocalDate.EPOCH.atTime(13, 14, 15, 123_000_000).atZone(ZONE).toInstant().toEpochMilli(),
                    rs.getTime("time").getTime(), "java.sql.Time keeps milliseconds, on 1970-01-01 in the JVM's zone");
        }
    }

    @Test
    void timestampIsAWallClockWhateverTheJvmZone() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertEquals(WALL_CLOCK, rs.getObject("ts", LocalDateTime.class));
            assertEquals(Timestamp.valueOf(WALL_CLOCK), rs.getTimestamp("ts"));
            assertEquals(Timestamp.valueOf(WALL_CLOCK), rs.getObject("ts"));
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertEquals(WALL_CLOCK.toInstant(ZoneOffset.UTC), rs.getTimestamp("ts", utc).toInstant());
            assertEquals("2024-03-10 02:30:00.123456", rs.getString("ts"));
            assertEquals(Types.TIMESTAMP, rs.getMetaData().getColumnType(rs.findColumn("ts")));
        }
    }

    @Test
    void timestampWithTimeZoneIsAnInstant() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertEquals(INSTANT, rs.getObject("tstz", Instant.class));
            assertEquals(INSTANT.atOffset(ZoneOffset.UTC), rs.getObject("tstz", OffsetDateTime.class));
            assertEquals(INSTANT.atOffset(ZoneOffset.UTC), rs.getObject("tstz"));
            assertEquals(Timestamp.from(INSTANT), rs.getTimestamp("tstz"));
            assertEquals(Timestamp.from(INSTANT),
                    rs.getTimestamp("tstz", Calendar.getInstance(TimeZone.getTimeZone("America/Los_Angeles"))));
            assertEquals(LocalDateTime.ofInstant(INSTANT, ZONE), rs.getObject("tstz", LocalDateTime.class));
            assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, rs.getMetaData().getColumnType(rs.findColumn("tstz")));
        }
    }

    @Test
    void nestedValuesRead() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            Array list = rs.getArray("list");
            assertArrayEquals(new Object[] {1, null, 3}, (Object[]) list.getArray());
            assertEquals(Types.INTEGER, list.getBaseType());
            Struct struct = (Struct) rs.getObject("struct");
            assertArrayEquals(new Object[] {1, "x"}, struct.getAttributes());
            Map<?, ?> map = (Map<?, ?>) rs.getObject("map");
            assertEquals(1, map.get("k1"));
            assertTrue(map.containsKey("k2"));
            assertNull(map.get("k2"));
        }
    }

    @Test
    void nullsOfEveryTypeAreNull() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 2)) {
            ResultSetMetaData metaData = rs.getMetaData();
            for (int i = 2; i <= metaData.getColumnCount(); i++) {
                assertNull(rs.getObject(i), metaData.getColumnName(i));
                assertTrue(rs.wasNull(), metaData.getColumnName(i));
                assertNull(rs.getString(i), metaData.getColumnName(i));
            }
            assertEquals(0, rs.getInt("int"));
            assertTrue(rs.wasNull());
            assertFalse(rs.getBoolean("bool"));
            assertNull(rs.getTimestamp("ts"));
            assertNull(rs.getObject("tstz", Instant.class));
            assertNull(rs.getBigDecimal("dec30"));
        }
    }

    @Test
    void resultSetMetaDataDescribesTheColumns() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, dec18, text, ts, tstz, count(*) OVER () AS n FROM types")) {
            ResultSetMetaData metaData = rs.getMetaData();
            assertEquals(6, metaData.getColumnCount());
            assertEquals("id", metaData.getColumnLabel(1));
            assertEquals(Types.DECIMAL, metaData.getColumnType(2));
            assertEquals("DECIMAL", metaData.getColumnTypeName(2));
            assertEquals(18, metaData.getPrecision(2));
            assertEquals(4, metaData.getScale(2));
            assertTrue(metaData.isSigned(2));
            assertEquals("java.math.BigDecimal", metaData.getColumnClassName(2));
            assertEquals(Types.VARCHAR, metaData.getColumnType(3));
            assertEquals("VARCHAR", metaData.getColumnTypeName(3));
            assertEquals("java.lang.String", metaData.getColumnClassName(3));
            assertEquals("TIMESTAMP", metaData.getColumnTypeName(4));
            assertEquals(6, metaData.getScale(4));
            assertEquals("TIMESTAMP WITH TIME ZONE", metaData.getColumnTypeName(5));
            assertEquals(ResultSetMetaData.columnNullable, metaData.isNullable(3));
            assertEquals(ResultSetMetaData.columnNoNulls, metaData.isNullable(6), "count(*) is never NULL");
            assertEquals("types", metaData.getTableName(3));
            assertEquals("main", metaData.getSchemaName(3));
            assertEquals("polaroid", metaData.getCatalogName(3));
            assertEquals("", metaData.getTableName(6), "a computed column has no table");
            assertTrue(metaData.isReadOnly(1));
            assertFalse(metaData.isWritable(1));
        }
    }

    /** Binds {@code setter} to {@code CAST(? AS type)} and returns what comes back. */
    private Object roundTrip(String type, ParameterSetter setter, Class<?> readAs) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS " + type + ") AS v")) {
            setter.set(statement);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                Object value = readAs == null ? rs.getObject(1) : rs.getObject(1, readAs);
                assertFalse(rs.next());
                return value;
            }
        }
    }

    @FunctionalInterface
    private interface ParameterSetter {
        void set(PreparedStatement statement) throws SQLException;
    }

    @Test
    void everySetterBindsItsValue() throws SQLException {
        assertEquals(true, roundTrip("BOOLEAN", s -> s.setBoolean(1, true), null));
        assertEquals(-5, roundTrip("TINYINT", s -> s.setByte(1, (byte) -5), null));
        assertEquals(-300, roundTrip("SMALLINT", s -> s.setShort(1, (short) -300), null));
        assertEquals(70_000, roundTrip("INTEGER", s -> s.setInt(1, 70_000), null));
        assertEquals(1L << 40, roundTrip("BIGINT", s -> s.setLong(1, 1L << 40), null));
        assertEquals(1.5f, roundTrip("REAL", s -> s.setFloat(1, 1.5f), null));
        assertEquals(-0.25, roundTrip("DOUBLE", s -> s.setDouble(1, -0.25), null));
        assertEquals(new BigDecimal("123.45"), roundTrip("DECIMAL(10, 2)",
                s -> s.setBigDecimal(1, new BigDecimal("123.45")), null));
        assertEquals("ünïcode", roundTrip("VARCHAR", s -> s.setString(1, "ünïcode"), null));
        assertEquals("n-string", roundTrip("VARCHAR", s -> s.setNString(1, "n-string"), null));
        assertArrayEquals(new byte[] {9, 8, 7}, (byte[]) roundTrip("VARBINARY",
                s -> s.setBytes(1, new byte[] {9, 8, 7}), null));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) roundTrip("VARBINARY",
                s -> s.setBinaryStream(1, new ByteArrayInputStream(new byte[] {1, 2})), null));
        assertEquals("from a reader", roundTrip("VARCHAR",
                s -> s.setCharacterStream(1, new StringReader("from a reader")), null));
        assertEquals(LocalDate.of(2024, 2, 29), roundTrip("DATE",
                s -> s.setDate(1, Date.valueOf("2024-02-29")), LocalDate.class));
        assertEquals(LocalTime.of(10, 11, 12, 345_000_000), roundTrip("TIME",
                s -> s.setTime(1, new Time(Time.valueOf("10:11:12").getTime() + 345)), LocalTime.class));
        assertEquals(WALL_CLOCK, roundTrip("TIMESTAMP",
                s -> s.setTimestamp(1, Timestamp.valueOf(WALL_CLOCK)), LocalDateTime.class));
        assertEquals(WALL_CLOCK, roundTrip("TIMESTAMP",
                s -> s.setObject(1, WALL_CLOCK), LocalDateTime.class));
        assertEquals(INSTANT, roundTrip("TIMESTAMP WITH LOCAL TIME ZONE",
                s -> s.setObject(1, INSTANT.atOffset(ZoneOffset.ofHours(3))), Instant.class));
        assertEquals(INSTANT, roundTrip("TIMESTAMP WITH LOCAL TIME ZONE",
                s -> s.setTimestamp(1, Timestamp.from(INSTANT)), Instant.class),
                "a java.sql.Timestamp bound to an instant keeps its instant");
    }

    @Test
    void timestampsWithACalendarAreWallClocksInItsZone() throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Timestamp timestamp = Timestamp.from(WALL_CLOCK.toInstant(ZoneOffset.UTC));
        assertEquals(WALL_CLOCK, roundTrip("TIMESTAMP", s -> s.setTimestamp(1, timestamp, utc), LocalDateTime.class));
        assertEquals(LocalDate.of(2024, 3, 10), roundTrip("DATE",
                s -> s.setDate(1, new Date(LocalDate.of(2024, 3, 10).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toEpochMilli()), utc), LocalDate.class));
    }

    @Test
    void setObjectConvertsToATargetType() throws SQLException {
        assertEquals(42, roundTrip("INTEGER", s -> s.setObject(1, "42", Types.INTEGER), null));
        assertEquals(new BigDecimal("2.50"), roundTrip("DECIMAL(5, 2)",
                s -> s.setObject(1, 2.5, Types.DECIMAL, 2), null));
        assertEquals("17", roundTrip("VARCHAR", s -> s.setObject(1, 17, JDBCType.VARCHAR), null));
        assertEquals(LocalDate.of(2024, 1, 5), roundTrip("DATE",
                s -> s.setObject(1, "2024-01-05", Types.DATE), LocalDate.class));
        assertEquals("22018", sqlState(() -> roundTrip("INTEGER", s -> s.setObject(1, "forty-two", Types.INTEGER), null)));
        assertEquals("22003", sqlState(() -> roundTrip("TINYINT", s -> s.setObject(1, 1000, Types.TINYINT), null)));
    }

    @Test
    void nullParametersOfEveryTypeAreNull() throws SQLException {
        for (String type : List.of("BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL(10, 2)", "VARCHAR", "VARBINARY",
                "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE")) {
            assertNull(roundTrip(type, s -> s.setNull(1, Types.NULL), null), type);
            assertNull(roundTrip(type, s -> s.setObject(1, null), null), type);
            assertNull(roundTrip(type, s -> s.setString(1, null), null), type);
        }
    }

    @Test
    void parametersFilterDatasets() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM trades WHERE ts >= ? AND ts < ? AND price > ?")) {
            statement.setTimestamp(1, Timestamp.valueOf("2024-01-01 09:30:00"));
            statement.setObject(2, LocalDateTime.of(2024, 1, 1, 10, 30));
            statement.setDouble(3, 0);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                // trades i = 0..514 fall in the hour (one every 7 s); six of them (i % 101 == 0) have no price
                assertEquals(509, rs.getLong(1));
            }
        }
    }

    @Test
    void getObjectWithAClassConvertsOrFails() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = typesRow(statement, 1)) {
            assertEquals(Long.valueOf(123456), rs.getObject("int", Long.class));
            assertEquals("123456", rs.getObject("int", String.class));
            assertEquals(new BigDecimal("-2.75"), rs.getObject("dbl", BigDecimal.class));
            assertEquals(Date.valueOf("2024-02-29"), rs.getObject("date", Date.class));
            assertInstanceOf(Timestamp.class, rs.getObject("ts", Timestamp.class));
            assertEquals("22018", sqlState(() -> rs.getObject("text", LocalDate.class)));
            assertEquals("héllo".getBytes(StandardCharsets.UTF_8).length, rs.getBytes("text").length);
        }
    }
}
