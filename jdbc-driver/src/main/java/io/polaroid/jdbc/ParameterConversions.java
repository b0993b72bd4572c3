package io.polaroid.jdbc;

import io.polaroid.jdbc.types.JdbcTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Locale;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns what a {@code PreparedStatement} setter receives into the Java value the session takes
 * ({@code null}, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, String, byte[],
 * LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant).
 *
 * <p>Date/time values follow JDBC: {@code setTimestamp(i, ts)} means the wall clock {@code ts} shows
 * in the JVM's zone, {@code setTimestamp(i, ts, calendar)} the wall clock in the calendar's zone. A
 * parameter that holds instants (TIMESTAMP WITH TIME ZONE) takes the instant {@code ts} denotes
 * instead, whatever the calendar.
 */
final class ParameterConversions {
    private ParameterConversions() {
    }

    static Object timestamp(Timestamp value, Calendar calendar, Field parameter) {
        if (value == null) {
            return null;
        }
        if (parameter != null && JdbcTypes.isInstant(parameter.getType())) {
            return value.toInstant();
        }
        if (calendar == null) {
            return value.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(value.toInstant(), calendar.getTimeZone().toZoneId());
    }

    static LocalDate date(Date value, Calendar calendar) {
        if (value == null) {
            return null;
        }
        if (calendar == null) {
            return value.toLocalDate();
        }
        return Instant.ofEpochMilli(value.getTime()).atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
    }

    /** Keeps the milliseconds a {@code Time} can carry ({@code Time.toLocalTime()} drops them). */
    static LocalTime time(Time value, Calendar calendar) {
        if (value == null) {
            return null;
        }
        ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
        return Instant.ofEpochMilli(value.getTime()).atZone(zone).toLocalTime();
    }

    /** {@code setObject(i, x)}: the value's own type decides. */
    static Object object(int index, Object value, Field parameter) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Byte
                || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof BigDecimal
                || value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof OffsetDateTime || value instanceof Instant) {
            return value;
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof Timestamp) {
            return timestamp((Timestamp) value, null, parameter);
        }
        if (value instanceof Date) {
            return date((Date) value, null);
        }
        if (value instanceof Time) {
            return time((Time) value, null);
        }
        if (value instanceof java.util.Date) {
            return timestamp(new Timestamp(((java.util.Date) value).getTime()), null, parameter);
        }
        if (value instanceof Calendar) {
            Calendar calendar = (Calendar) value;
            return timestamp(new Timestamp(calendar.getTimeInMillis()), calendar, parameter);
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toOffsetDateTime();
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Character || value instanceof UUID) {
            return value.toString();
        }
        throw new SQLFeatureNotSupportedException("parameter " + index + ": values of " + value.getClass().getName()
                + " are not supported; use a String, number, boolean, byte[] or java.time value", "0A000");
    }

    /** {@code setObject(i, x, targetSqlType[, scaleOrLength])}: converts to the target type. */
    static Object object(int index, Object value, int targetSqlType, Integer scale, Field parameter)
            throws SQLException {
        if (value == null || targetSqlType == Types.NULL) {
            return null;
        }
        try {
            switch (targetSqlType) {
                case Types.CHAR:
                case Types.VARCHAR:
                case Types.LONGVARCHAR:
                case Types.NCHAR:
                case Types.NVARCHAR:
                case Types.LONGNVARCHAR:
                case Types.CLOB:
                case Types.NCLOB:
                    return text(index, value, parameter);
                case Types.BOOLEAN:
                case Types.BIT:
                    return toBoolean(index, value);
                case Types.TINYINT:
                    return (byte) integral(index, value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
                case Types.SMALLINT:
                    return (short) integral(index, value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
                case Types.INTEGER:
                    return (int) integral(index, value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
                case Types.BIGINT:
                    return integral(index, value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
                case Types.REAL:
                    return decimal(index, value, "REAL").floatValue();
                case Types.FLOAT:
                case Types.DOUBLE:
                    return value instanceof Double ? value : decimal(index, value, "DOUBLE").doubleValue();
                case Types.DECIMAL:
                case Types.NUMERIC:
                    BigDecimal decimal = decimal(index, value, "DECIMAL");
                    return scale == null ? decimal : decimal.setScale(scale, RoundingMode.HALF_UP);
                case Types.DATE:
                    return toDate(index, value, parameter);
                case Types.TIME:
                    return toTime(index, value, parameter);
                case Types.TIMESTAMP:
                    return toLocalDateTime(index, value);
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return toOffsetDateTime(index, value, parameter);
                case Types.BINARY:
                case Types.VARBINARY:
                case Types.LONGVARBINARY:
                case Types.BLOB:
                    if (value instanceof byte[]) {
                        return ((byte[]) value).clone();
                    }
                    throw cannotConvert(index, value, "VARBINARY");
                case Types.JAVA_OBJECT:
                case Types.OTHER:
                    return object(index, value, parameter);
                default:
                    throw new SQLFeatureNotSupportedException("parameter " + index + ": target SQL type "
                            + targetSqlType + " is not supported", "0A000");
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            SQLDataException error = cannotConvert(index, value, sqlTypeName(targetSqlType));
            error.initCause(e);
            throw error;
        }
    }

    private static String text(int index, Object value, Field parameter) throws SQLException {
        Object normalized = object(index, value, parameter);
        if (normalized instanceof BigDecimal) {
            return ((BigDecimal) normalized).toPlainString();
        }
        if (normalized instanceof byte[]) {
            throw cannotConvert(index, value, "VARCHAR");
        }
        return normalized.toString();
    }

    private static Boolean toBoolean(int index, Object value) throws SQLException {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return decimal(index, value, "BOOLEAN").signum() != 0;
        }
        if (value instanceof String) {
            switch (((String) value).trim().toLowerCase(Locale.ROOT)) {
                case "true":
                case "1":
                case "t":
                case "yes":
                    return true;
                case "false":
                case "0":
                case "f":
                case "no":
                    return false;
                default:
                    break;
            }
        }
        throw cannotConvert(index, value, "BOOLEAN");
    }

    private static long integral(int index, Object value, long min, long max, String typeName) throws SQLException {
        long result;
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            result = ((Number) value).longValue();
        } else if (value instanceof Boolean) {
            result = (Boolean) value ? 1 : 0;
        } else {
            result = decimal(index, value, typeName).setScale(0, RoundingMode.DOWN).longValueExact();
        }
        if (result < min || result > max) {
            throw new SQLDataException("parameter " + index + ": " + value + " is out of range for " + typeName,
                    "22003");
        }
        return result;
    }

    private static BigDecimal decimal(int index, Object value, String typeName) throws SQLException {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                if (typeName.equals("DOUBLE") || typeName.equals("REAL")) {
                    throw cannotConvert(index, value, typeName + " (use setDouble for NaN and infinities)");
                }
                throw cannotConvert(index, value, typeName);
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof Number) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String) {
            return new BigDecimal(((String) value).trim());
        }
        throw cannotConvert(index, value, typeName);
    }

    private static LocalDate toDate(int index, Object value, Field parameter) throws SQLException {
        if (value instanceof String) {
            return LocalDate.parse(((String) value).trim());
        }
        Object normalized = object(index, value, parameter);
        if (normalized instanceof LocalDate) {
            return (LocalDate) normalized;
        }
        if (normalized instanceof LocalDateTime) {
            return ((LocalDateTime) normalized).toLocalDate();
        }
        throw cannotConvert(index, value, "DATE");
    }

    private static LocalTime toTime(int index, Object value, Field parameter) throws SQLException {
        if (value instanceof String) {
            return LocalTime.parse(((String) value).trim());
        }
        Object normalized = object(index, value, parameter);
        if (normalized instanceof LocalTime) {
            return (LocalTime) normalized;
        }
        if (normalized instanceof LocalDateTime) {
            return ((LocalDateTime) normalized).toLocalTime();
        }
        throw cannotConvert(index, value, "TIME");
    }

    /** A TIMESTAMP target is a wall clock, so a java.sql.Timestamp gives its wall clock, not its instant. */
    private static LocalDateTime toLocalDateTime(int index, Object value) throws SQLException {
        if (value instanceof String) {
            return LocalDateTime.parse(((String) value).trim().replace(' ', 'T'));
        }
        Object normalized = object(index, value, null);
        if (normalized instanceof LocalDateTime) {
            return (LocalDateTime) normalized;
        }
        if (normalized instanceof LocalDate) {
            return ((LocalDate) normalized).atStartOfDay();
        }
        if (normalized instanceof OffsetDateTime) {
            return ((OffsetDateTime) normalized).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (normalized instanceof Instant) {
            return LocalDateTime.ofInstant((Instant) normalized, ZoneId.systemDefault());
        }
        throw cannotConvert(index, value, "TIMESTAMP");
    }

    private static OffsetDateTime toOffsetDateTime(int index, Object value, Field parameter) throws SQLException {
        if (value instanceof String) {
            return OffsetDateTime.parse(((String) value).trim().replaceFirst(" ", "T"));
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
        }
        Object normalized = object(index, value, parameter);
        if (normalized instanceof OffsetDateTime) {
            return (OffsetDateTime) normalized;
        }
        if (normalized instanceof Instant) {
            return ((Instant) normalized).atOffset(ZoneOffset.UTC);
        }
        if (normalized instanceof LocalDateTime) {
            return ((LocalDateTime) normalized).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        throw cannotConvert(index, value, "TIMESTAMP WITH TIME ZONE");
    }

    /** All bytes of a stream, or the first {@code length} when a length is given (negative: all). */
    static byte[] bytes(int index, InputStream stream, long length) throws SQLException {
        if (stream == null) {
            return null;
        }
        try {
            if (length < 0) {
                return stream.readAllBytes();
            }
            byte[] bytes = stream.readNBytes(Math.toIntExact(length));
            if (bytes.length < length) {
                throw new SQLDataException("parameter " + index + ": the stream ended after " + bytes.length
                        + " of " + length + " bytes", "22001");
            }
            return bytes;
        } catch (IOException | ArithmeticException e) {
            throw new SQLDataException("parameter " + index + ": cannot read the stream: " + e.getMessage(), "22000",
                    e);
        }
    }

    /** All characters of a reader, or the first {@code length} when a length is given (negative: all). */
    static String characters(int index, Reader reader, long length) throws SQLException {
        if (reader == null) {
            return null;
        }
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            while (remaining > 0) {
                int read = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                text.append(buffer, 0, read);
                remaining -= read;
            }
            return text.toString();
        } catch (IOException e) {
            throw new SQLDataException("parameter " + index + ": cannot read the reader: " + e.getMessage(), "22000",
                    e);
        }
    }

    private static SQLDataException cannotConvert(int index, Object value, String target) {
        String shown = value instanceof byte[] ? "byte[" + ((byte[]) value).length + "]" : String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new SQLDataException("parameter " + index + ": cannot convert " + value.getClass().getSimpleName()
                + " '" + shown + "' to " + target, "22018");
    }

    private static String sqlTypeName(int sqlType) {
        try {
            return java.sql.JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return "type " + sqlType;
        }
    }
}
