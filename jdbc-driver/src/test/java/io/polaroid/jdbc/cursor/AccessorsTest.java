package io.polaroid.jdbc.cursor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.jdbc.error.SqlExceptions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.avatica.util.Cursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every getter of every accessor over hand-built Arrow vectors: row 0 holds values, row 1 NULLs. The
 * JVM's zone is set to one with a half-hour offset, so a getter that confuses wall clocks and instants
 * (or ignores the calendar) shows up.
 */
class AccessorsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static TimeZone savedZone;

    private static final LocalDateTime WALL_CLOCK = LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000);
    private static final Instant INSTANT = Instant.parse("2024-01-02T03:04:05.678901Z");
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME_OF_DAY = LocalTime.of(13, 14, 15, 123_456_000);

    private BufferAllocator allocator;
    private VectorBatches source;
    private ArrowCursor cursor;
    private Map<String, Cursor.Accessor> columns;
    private Calendar localCalendar;

    @BeforeAll
    static void useAZoneThatIsNotUtc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    private static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), List.of(children));
    }

    private static Schema schema() {
        return new Schema(List.of(
                field("tiny", new ArrowType.Int(8, true)),
                field("small", new ArrowType.Int(16, true)),
                field("int", new ArrowType.Int(32, true)),
                field("big", new ArrowType.Int(64, true)),
                field("ubyte", new ArrowType.Int(8, false)),
                field("ulong", new ArrowType.Int(64, false)),
                field("real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                field("dbl", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                field("dec", new ArrowType.Decimal(10, 3, 128)),
                field("bool", ArrowType.Bool.INSTANCE),
                field("text", ArrowType.Utf8.INSTANCE),
                field("bin", ArrowType.Binary.INSTANCE),
                field("date", new ArrowType.Date(DateUnit.DAY)),
                field("time", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
                field("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                field("tstz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                field("list", ArrowType.List.INSTANCE, field("element", new ArrowType.Int(32, true))),
                field("struct", ArrowType.Struct.INSTANCE, field("a", new ArrowType.Int(32, true)),
                        field("b", ArrowType.Utf8.INSTANCE)),
                new Field("map", FieldType.nullable(new ArrowType.Map(false)), List.of(
                        new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                                new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                                field("value", new ArrowType.Int(32, true)))))),
                field("nothing", ArrowType.Null.INSTANCE),
                field("interval", new ArrowType.Interval(IntervalUnit.DAY_TIME))));
    }

    private static long micros(LocalDateTime wallClock) {
        Instant asIfUtc = wallClock.toInstant(ZoneOffset.UTC);
        return asIfUtc.getEpochSecond() * 1_000_000 + asIfUtc.getNano() / 1_000;
    }

    @BeforeEach
    void buildOneRowOfValuesAndOneOfNulls() throws SQLException {
        allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator);
        root.allocateNew();
        ((TinyIntVector) root.getVector("tiny")).set(0, -7);
        ((SmallIntVector) root.getVector("small")).set(0, 300);
        ((IntVector) root.getVector("int")).set(0, 123_456);
        ((BigIntVector) root.getVector("big")).set(0, 5_000_000_000L);
        ((UInt1Vector) root.getVector("ubyte")).set(0, 255);
        ((UInt8Vector) root.getVector("ulong")).set(0, -1L);
        ((Float4Vector) root.getVector("real")).set(0, 0.1f);
        ((Float8Vector) root.getVector("dbl")).set(0, -2.75);
        ((DecimalVector) root.getVector("dec")).set(0, new BigDecimal("12345.678"));
        ((BitVector) root.getVector("bool")).set(0, 1);
        ((VarCharVector) root.getVector("text")).setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
        ((VarBinaryVector) root.getVector("bin")).setSafe(0, new byte[] {1, 2, (byte) 255});
        ((DateDayVector) root.getVector("date")).set(0, (int) DAY.toEpochDay());
        ((TimeMicroVector) root.getVector("time")).set(0, TIME_OF_DAY.toNanoOfDay() / 1_000);
        ((TimeStampMicroVector) root.getVector("ts")).set(0, micros(WALL_CLOCK));
        ((TimeStampMicroTZVector) root.getVector("tstz")).set(0,
                INSTANT.getEpochSecond() * 1_000_000 + INSTANT.getNano() / 1_000);
        ((IntervalDayVector) root.getVector("interval")).set(0, 1, 1500);

        ListVector list = (ListVector) root.getVector("list");
        IntVector elements = (IntVector) list.getDataVector();
        list.startNewValue(0);
        elements.setSafe(0, 1);
        elements.setNull(1);
        elements.setSafe(2, 3);
        list.endValue(0, 3);
        elements.setValueCount(3);

        StructVector struct = (StructVector) root.getVector("struct");
        struct.getChild("a", IntVector.class).setSafe(0, 1);
        struct.getChild("b", VarCharVector.class).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
        struct.setIndexDefined(0);

        MapVector map = (MapVector) root.getVector("map");
        StructVector entries = (StructVector) map.getDataVector();
        map.startNewValue(0);
        entries.getChild("key", VarCharVector.class).setSafe(0, "k1".getBytes(StandardCharsets.UTF_8));
        entries.getChild("value", IntVector.class).setSafe(0, 1);
        entries.setIndexDefined(0);
        entries.getChild("key", VarCharVector.class).setSafe(1, "k2".getBytes(StandardCharsets.UTF_8));
        entries.getChild("value", IntVector.class).setNull(1);
        entries.setIndexDefined(1);
        map.endValue(0, 2);
        entries.setValueCount(2);

        for (String name : List.of("tiny", "small", "int", "big", "ubyte", "ulong", "real", "dbl", "dec", "bool",
                "text", "bin", "date", "time", "ts", "tstz", "interval", "list", "struct", "map")) {
            root.getVector(name).setNull(1);
        }
        root.setRowCount(2);

        source = VectorBatches.of(root);
        cursor = new ArrowCursor(source, 0, new QueryCancellation(), SqlExceptions::translate, () -> { });
        localCalendar = Calendar.getInstance(TimeZone.getDefault(), Locale.ROOT);
        List<Cursor.Accessor> accessors = cursor.createAccessors(
                Collections.nCopies(root.getSchema().getFields().size(), null), localCalendar, null);
        columns = new LinkedHashMap<>();
        for (int i = 0; i < accessors.size(); i++) {
            columns.put(root.getSchema().getFields().get(i).getName(), accessors.get(i));
        }
        assertTrue(cursor.next());
    }

    @AfterEach
    void freeEverything() {
        cursor.close();
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private Cursor.Accessor column(String name) {
        return columns.get(name);
    }

    private static String sqlState(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(SQLException.class, call).getSQLState();
    }

    @Test
    void integersConvertWithRangeChecks() throws SQLException {
        Cursor.Accessor small = column("small");
        assertEquals(300, small.getInt());
        assertEquals(300L, small.getLong());
        assertEquals((short) 300, small.getShort());
        assertEquals("22003", sqlState(small::getByte), "300 does not fit a byte");
        assertEquals(new BigDecimal(300), small.getBigDecimal());
        assertEquals("300", small.getString());
        assertTrue(small.getBoolean());
        assertEquals(300.0, small.getDouble());
        assertFalse(small.wasNull());

        assertEquals(-7, column("tiny").getByte());
        assertEquals(Integer.valueOf(-7), column("tiny").getObject(), "JDBC maps TINYINT to Integer");
        assertEquals(Integer.valueOf(300), column("small").getObject(), "JDBC maps SMALLINT to Integer");
        assertEquals(Integer.valueOf(123_456), column("int").getObject());
        assertEquals(Long.valueOf(5_000_000_000L), column("big").getObject());
        assertEquals("22003", sqlState(column("big")::getInt));
        assertEquals(Long.valueOf(5_000_000_000L), column("big").getObject(Long.class));
        assertEquals(BigInteger.valueOf(5_000_000_000L), column("big").getObject(BigInteger.class));
        assertEquals("22018", sqlState(() -> column("int").getObject(LocalDate.class)));
        assertEquals("22018", sqlState(() -> column("int").getDate(localCalendar)));
    }

    @Test
    void unsignedIntegersWiden() throws SQLException {
        assertEquals(Integer.valueOf(255), column("ubyte").getObject());
        assertEquals(new BigDecimal("18446744073709551615"), column("ulong").getObject());
        assertEquals("22003", sqlState(column("ulong")::getLong));
    }

    @Test
    void floatingPointKeepsItsPrecision() throws SQLException {
        Cursor.Accessor real = column("real");
        assertEquals(0.1f, real.getObject());
        assertEquals("0.1", real.getString());
        assertEquals(new BigDecimal("0.1"), real.getBigDecimal());
        assertEquals(0.1f, real.getFloat());

        Cursor.Accessor dbl = column("dbl");
        assertEquals(-2.75, dbl.getObject());
        assertEquals(-2, dbl.getInt(), "truncated toward zero, like a cast");
        assertEquals(new BigDecimal("-2.75"), dbl.getBigDecimal());
        assertEquals("-2.75", dbl.getString());
    }

    @Test
    void decimalsAreExact() throws SQLException {
        Cursor.Accessor dec = column("dec");
        assertEquals(new BigDecimal("12345.678"), dec.getBigDecimal());
        assertEquals(new BigDecimal("12345.678"), dec.getObject(BigDecimal.class));
        assertEquals(new BigDecimal("12345.68"), dec.getBigDecimal(2));
        assertEquals(12345, dec.getInt());
        assertEquals(12345.678, dec.getDouble());
        assertEquals("12345.678", dec.getString());
        assertEquals("22003", sqlState(dec::getByte));
    }

    @Test
    void booleansReadAsNumbersAndText() throws SQLException {
        Cursor.Accessor bool = column("bool");
        assertTrue(bool.getBoolean());
        assertEquals(Boolean.TRUE, bool.getObject());
        assertEquals(1, bool.getInt());
        assertEquals("true", bool.getString());
    }

    @Test
    void textIsUtf8AndParsesOnRequest() throws SQLException {
        Cursor.Accessor text = column("text");
        assertEquals("héllo", text.getString());
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), text.getBytes());
        SQLException notANumber = assertThrows(SQLDataException.class, text::getInt);
        assertEquals("22018", notANumber.getSQLState());
        assertTrue(notANumber.getMessage().contains("column text"), notANumber.getMessage());
        assertEquals("héllo", readAll(text.getCharacterStream()));
    }

    private static String readAll(java.io.Reader reader) {
        try (reader) {
            java.io.StringWriter writer = new java.io.StringWriter();
            reader.transferTo(writer);
            return writer.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void binaryIsBytesAndHexText() throws SQLException {
        Cursor.Accessor bin = column("bin");
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, bin.getBytes());
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) bin.getObject());
        assertEquals("0102ff", bin.getString());
        assertEquals("22018", sqlState(bin::getInt));
    }

    @Test
    void datesAreCalendarDays() throws SQLException {
        Cursor.Accessor date = column("date");
        assertEquals(Date.valueOf(DAY), date.getDate(localCalendar));
        assertEquals(Date.valueOf(DAY), date.getObject());
        assertEquals(DAY, date.getObject(LocalDate.class));
        assertEquals("2024-02-29", date.getString());
        assertEquals(Timestamp.valueOf(DAY.atStartOfDay()), date.getTimestamp(localCalendar));
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals(DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), date.getDate(utc).getTime(),
                "with a calendar, midnight in the calendar's zone");
    }

    @Test
    void timesKeepMicrosecondsInJavaTimeAndMillisecondsInSqlTime() throws SQLException {
        Cursor.Accessor time = column("time");
        assertEquals(TIME_OF_DAY, time.getObject(LocalTime.class));
        assertEquals("13:14:15.123456", time.getString());
        Time sqlTime = time.getTime(localCalendar);
        assertEquals(LocalDate.EPOCH.atTime(13, 14, 15, 123_000_000).atZone(ZONE).toInstant().toEpochMilli(),
                sqlTime.getTime());
        assertInstanceOf(Time.class, time.getObject());
    }

    @Test
    void timestampWithoutZoneIsAWallClock() throws SQLException {
        Cursor.Accessor ts = column("ts");
        assertEquals(WALL_CLOCK, ts.getObject(LocalDateTime.class), "the wall clock, unchanged");
        assertEquals(Timestamp.valueOf(WALL_CLOCK), ts.getTimestamp(localCalendar),
                "getTimestamp() reads the wall clock in the JVM's zone");
        assertEquals(Timestamp.valueOf(WALL_CLOCK), ts.getObject());
        assertEquals(WALL_CLOCK, ts.getTimestamp(localCalendar).toLocalDateTime());
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals(Timestamp.from(WALL_CLOCK.toInstant(ZoneOffset.UTC)), ts.getTimestamp(utc),
                "getTimestamp(calendar) reads the wall clock in the calendar's zone");
        assertEquals("2024-03-10 02:30:00.123456", ts.getString());
        assertEquals(WALL_CLOCK.atZone(ZONE).toInstant(), ts.getObject(Instant.class));
        assertEquals(WALL_CLOCK.atZone(ZONE).toOffsetDateTime(), ts.getObject(OffsetDateTime.class));
        assertEquals(Date.valueOf(WALL_CLOCK.toLocalDate()), ts.getDate(localCalendar));
        assertEquals(WALL_CLOCK.toLocalDate(), ts.getObject(LocalDate.class));
        assertEquals(WALL_CLOCK.toLocalTime(), ts.getObject(LocalTime.class));
    }

    @Test
    void timestampWithZoneIsAnInstant() throws SQLException {
        Cursor.Accessor tstz = column("tstz");
        assertEquals(INSTANT, tstz.getObject(Instant.class));
        assertEquals(INSTANT.atOffset(ZoneOffset.UTC), tstz.getObject(OffsetDateTime.class));
        assertEquals(INSTANT.atOffset(ZoneOffset.UTC), tstz.getObject(), "JDBC 4.2: OffsetDateTime");
        assertEquals(INSTANT.atZone(ZoneId.of("UTC")), tstz.getObject(ZonedDateTime.class));
        assertEquals(Timestamp.from(INSTANT), tstz.getTimestamp(localCalendar));
        assertEquals(Timestamp.from(INSTANT), tstz.getTimestamp(Calendar.getInstance(TimeZone.getTimeZone("PST"))),
                "an instant needs no calendar");
        assertEquals(LocalDateTime.ofInstant(INSTANT, ZONE), tstz.getObject(LocalDateTime.class),
                "as a wall clock: what the JVM's zone shows, like getTimestamp().toLocalDateTime()");
        assertEquals("2024-01-02 03:04:05.678901+00:00", tstz.getString());
    }

    @Test
    void listsBecomeSqlArraysOfTheirElementType() throws SQLException {
        Cursor.Accessor list = column("list");
        Array array = list.getArray();
        assertEquals(Types.INTEGER, array.getBaseType());
        assertEquals("INTEGER", array.getBaseTypeName());
        assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) array.getArray());
        assertArrayEquals(new Integer[] {null, 3}, (Object[]) array.getArray(2, 2));
        assertInstanceOf(Array.class, list.getObject());
        assertEquals(Arrays.asList(1, null, 3), list.getObject(List.class));
        assertEquals("[1, NULL, 3]", list.getString());
    }

    @Test
    void arraysStayValidAfterTheCursorMoves() throws SQLException {
        Array array = column("list").getArray();
        assertTrue(cursor.next());
        assertFalse(cursor.next());
        assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) array.getArray());
    }

    @Test
    void structsBecomeSqlStructsOrMaps() throws SQLException {
        Cursor.Accessor struct = column("struct");
        Struct value = struct.getStruct();
        assertArrayEquals(new Object[] {1, "x"}, value.getAttributes());
        Map<?, ?> members = struct.getObject(Map.class);
        assertEquals(List.of("a", "b"), new ArrayList<>(members.keySet()));
        assertEquals(1, members.get("a"));
        assertEquals("{a: 1, b: x}", struct.getString());
    }

    @Test
    void mapsBecomeJavaMapsInEntryOrder() throws SQLException {
        Cursor.Accessor map = column("map");
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("k1", 1);
        expected.put("k2", null);
        assertEquals(expected, map.getObject());
        assertEquals("{k1=1, k2=NULL}", map.getString());
    }

    @Test
    void typesWithoutAJdbcCounterpartGiveArrowsObjects() throws SQLException {
        assertEquals(Duration.ofDays(1).plusMillis(1500), column("interval").getObject());
        assertNull(column("nothing").getObject());
        assertTrue(column("nothing").wasNull());
    }

    @Test
    void nullsAreNullOrZeroAndSetWasNull() throws SQLException {
        assertTrue(cursor.next());
        for (Map.Entry<String, Cursor.Accessor> entry : columns.entrySet()) {
            Cursor.Accessor accessor = entry.getValue();
            assertNull(accessor.getObject(), entry.getKey());
            assertTrue(accessor.wasNull(), entry.getKey());
            assertNull(accessor.getString(), entry.getKey());
            assertNull(accessor.getObject(String.class), entry.getKey());
        }
        assertEquals(0, column("int").getInt());
        assertTrue(column("int").wasNull());
        assertFalse(column("bool").getBoolean());
        assertNull(column("ts").getTimestamp(localCalendar));
        assertNull(column("tstz").getObject(OffsetDateTime.class));
        assertNull(column("list").getArray());
        assertNull(column("dec").getBigDecimal());
        assertNull(column("bin").getBytes());
    }
}
