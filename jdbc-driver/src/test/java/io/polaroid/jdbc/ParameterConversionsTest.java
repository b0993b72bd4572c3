package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class ParameterConversionsTest {
    private static final Field WALL_CLOCK = new Field("p", FieldType.nullable(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), null);
    private static final Field INSTANT = new Field("p", FieldType.nullable(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), null);

    @Test
    void timestampsBecomeWallClocksOrInstantsByTheParametersType() {
        Timestamp timestamp = Timestamp.valueOf("2024-05-06 07:08:09.123456789");
        assertEquals(timestamp.toLocalDateTime(), ParameterConversions.timestamp(timestamp, null, WALL_CLOCK));
        assertEquals(timestamp.toInstant(), ParameterConversions.timestamp(timestamp, null, INSTANT));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals(LocalDateTime.ofInstant(timestamp.toInstant(), tokyo.getTimeZone().toZoneId()),
                ParameterConversions.timestamp(timestamp, tokyo, WALL_CLOCK));
        assertEquals(timestamp.toInstant(), ParameterConversions.timestamp(timestamp, tokyo, INSTANT),
                "an instant needs no calendar");
    }

    @Test
    void setObjectNormalizesJavaTypes() throws SQLException {
        assertEquals(new BigDecimal("12345678901234567890"),
                ParameterConversions.object(1, new BigInteger("12345678901234567890"), null));
        assertEquals("x", ParameterConversions.object(1, 'x', null));
        UUID uuid = UUID.randomUUID();
        assertEquals(uuid.toString(), ParameterConversions.object(1, uuid, null));
        ZonedDateTime zoned = ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        assertEquals(zoned.toOffsetDateTime(), ParameterConversions.object(1, zoned, null));
        byte[] bytes = {1, 2};
        Object copy = ParameterConversions.object(1, bytes, null);
        assertArrayEquals(bytes, (byte[]) copy);
        assertNotSame(bytes, copy, "the caller may reuse its array before the statement runs");
        SQLException unsupported = assertThrows(SQLFeatureNotSupportedException.class,
                () -> ParameterConversions.object(3, new Object(), null));
        assertEquals("0A000", unsupported.getSQLState());
        assertEquals(true, unsupported.getMessage().startsWith("parameter 3"));
    }

    @Test
    void targetTypesConvertOrFailWithADataError() throws SQLException {
        assertEquals(7, ParameterConversions.object(1, "7", Types.INTEGER, null, null));
        assertEquals(7L, ParameterConversions.object(1, 7.9, Types.BIGINT, null, null));
        assertEquals(true, ParameterConversions.object(1, "yes", Types.BOOLEAN, null, null));
        assertEquals(new BigDecimal("1.24"), ParameterConversions.object(1, "1.235", Types.DECIMAL, 2, null));
        assertEquals("3.50", ParameterConversions.object(1, new BigDecimal("3.50"), Types.VARCHAR, null, null));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                ParameterConversions.object(1, "2024-01-02 03:04:05", Types.TIMESTAMP, null, null));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z").atOffset(ZoneOffset.UTC),
                ParameterConversions.object(1, Instant.parse("2024-01-02T03:04:05Z"), Types.TIMESTAMP_WITH_TIMEZONE,
                        null, null));
        assertInstanceOf(OffsetDateTime.class, ParameterConversions.object(1, "2024-01-02T03:04:05+02:00",
                Types.TIMESTAMP_WITH_TIMEZONE, null, null));
        assertEquals("22018", assertThrows(SQLException.class,
                () -> ParameterConversions.object(1, "soon", Types.DATE, null, null)).getSQLState());
        assertEquals("22003", assertThrows(SQLException.class,
                () -> ParameterConversions.object(1, 70_000, Types.SMALLINT, null, null)).getSQLState());
        assertEquals("22018", assertThrows(SQLException.class,
                () -> ParameterConversions.object(1, "text", Types.VARBINARY, null, null)).getSQLState());
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> ParameterConversions.object(1, "x", Types.STRUCT, null, null)).getSQLState());
    }

    @Test
    void streamsAreReadToTheirLength() throws SQLException {
        assertArrayEquals(new byte[] {1, 2}, ParameterConversions.bytes(1, new ByteArrayInputStream(new byte[] {1, 2, 3}), 2));
        assertEquals("ab", ParameterConversions.characters(1, new StringReader("abc"), 2));
        assertEquals("abc", ParameterConversions.characters(1, new StringReader("abc"), -1));
        assertEquals("22001", assertThrows(SQLException.class,
                () -> ParameterConversions.bytes(1, new ByteArrayInputStream(new byte[] {1}), 5)).getSQLState(),
                "a stream shorter than its declared length");
    }
}
