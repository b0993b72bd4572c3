package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Value conversions shared by the accessors: narrowing numbers with range checks, parsing text, and the
 * calendar rules of JDBC's date/time getters.
 *
 * <p>JDBC's rule for {@code getTimestamp(i, calendar)} on a value without a time zone: the stored wall
 * clock is read as a time in the calendar's zone. With the JVM's zone (what {@code getTimestamp(i)}
 * passes) that is {@link Timestamp#valueOf(LocalDateTime)} exactly.
 */
final class Conversions {
    /** SQLState for a value that cannot be converted to the requested type. */
    static final String INVALID_CAST = "22018";
    /** SQLState for a number that does not fit the requested type. */
    static final String OUT_OF_RANGE = "22003";

    /** {@code yyyy-MM-dd HH:mm:ss} and as many fraction digits as needed (none for whole seconds). */
    static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(timeText())
            .toFormatter(Locale.ROOT);
    static final DateTimeFormatter TIME_TEXT = timeText();
    static final DateTimeFormatter OFFSET_TEXT = new DateTimeFormatterBuilder()
            .append(TIMESTAMP_TEXT)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);

    private Conversions() {
    }

    private static DateTimeFormatter timeText() {
        return new DateTimeFormatterBuilder()
                .appendValue(ChronoField.HOUR_OF_DAY, 2)
                .appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                .appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                .toFormatter(Locale.ROOT);
    }

    static SQLDataException cannotConvert(String what, String column, String typeName) {
        return new SQLDataException("cannot read column " + column + " (" + typeName + ") as " + what,
                INVALID_CAST);
    }

    static SQLDataException outOfRange(Object value, String target, String column) {
        return new SQLDataException("value " + value + " of column " + column + " is out of range for " + target,
                OUT_OF_RANGE);
    }

    static byte toByte(long value, String column) throws SQLDataException {
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
            throw outOfRange(value, "byte", column);
        }
        return (byte) value;
    }

    static short toShort(long value, String column) throws SQLDataException {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw outOfRange(value, "short", column);
        }
        return (short) value;
    }

    static int toInt(long value, String column) throws SQLDataException {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(value, "int", column);
        }
        return (int) value;
    }

    /** Truncates toward zero, as a cast to an integer type does; NaN and overflow are errors. */
    static long toLong(double value, String column) throws SQLDataException {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw outOfRange(value, "long", column);
        }
        return (long) value;
    }

    static long toLong(BigDecimal value, String column) throws SQLDataException {
        try {
            return value.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value, "long", column);
        }
    }

    static float toFloat(double value, String column) throws SQLDataException {
        float narrowed = (float) value;
        if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
            throw outOfRange(value, "float", column);
        }
        return narrowed;
    }

    static BigDecimal toBigDecimal(double value, String column) throws SQLDataException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw outOfRange(value, "BigDecimal", column);
        }
        return BigDecimal.valueOf(value);
    }

    static BigInteger toBigInteger(BigDecimal value) {
        return value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    static long parseLong(String text, String column) throws SQLDataException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return toLong(parseDecimal(text, column), column);
        }
    }

    static BigDecimal parseDecimal(String text, String column) throws SQLDataException {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new SQLDataException("value '" + abbreviate(text) + "' of column " + column + " is not a number",
                    INVALID_CAST, e);
        }
    }

    static double parseDouble(String text, String column) throws SQLDataException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new SQLDataException("value '" + abbreviate(text) + "' of column " + column + " is not a number",
                    INVALID_CAST, e);
        }
    }

    /** The spellings of true and false that JDBC drivers commonly accept for {@code getBoolean}. */
    static boolean parseBoolean(String text, String column) throws SQLDataException {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "t":
            case "1":
            case "yes":
            case "y":
            case "on":
                return true;
            case "false":
            case "f":
            case "0":
            case "no":
            case "n":
            case "off":
                return false;
            default:
                throw new SQLDataException("value '" + abbreviate(text) + "' of column " + column
                        + " is not a boolean", INVALID_CAST);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The zone of {@code calendar}, or the JVM's when there is none. */
    static ZoneId zoneOf(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }

    private static boolean isJvmZone(Calendar calendar) {
        return calendar == null || calendar.getTimeZone().getID().equals(TimeZone.getDefault().getID());
    }

    /** A wall-clock value read in the calendar's zone. */
    static Timestamp timestamp(LocalDateTime wallClock, Calendar calendar) {
        if (isJvmZone(calendar)) {
            return Timestamp.valueOf(wallClock);
        }
        return Timestamp.from(wallClock.atZone(zoneOf(calendar)).toInstant());
    }

    /** Midnight of {@code date} in the calendar's zone. */
    static Date date(LocalDate date, Calendar calendar) {
        if (isJvmZone(calendar)) {
            return Date.valueOf(date);
        }
        return new Date(date.atStartOfDay(zoneOf(calendar)).toInstant().toEpochMilli());
    }

    /** {@code time} on 1970-01-01 in the calendar's zone, keeping milliseconds. */
    static Time time(LocalTime time, Calendar calendar) {
        Instant instant = LocalDate.EPOCH.atTime(time).atZone(zoneOf(calendar)).toInstant();
        return new Time(instant.toEpochMilli());
    }

    /** The wall clock that {@code instant} shows in the calendar's zone. */
    static LocalDateTime wallClock(Instant instant, Calendar calendar) {
        return LocalDateTime.ofInstant(instant, zoneOf(calendar));
    }

    /** The instant a wall-clock value denotes in the JVM's zone (what {@code getTimestamp()} gives). */
    static Instant instantInJvmZone(LocalDateTime wallClock) {
        return Timestamp.valueOf(wallClock).toInstant();
    }
}
