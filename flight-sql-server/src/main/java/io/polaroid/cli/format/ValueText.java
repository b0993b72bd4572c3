package io.polaroid.cli.format;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text of a value as every output format shows it: timestamps as {@code 2024-03-04 09:30:00.25},
 * doubles in plain notation ({@code 10000000.0}, not {@code 1.0E7}) unless very large or small, decimals
 * with their scale, binary as {@code \x0aff}, arrays as {@code [1, 2]}.
 */
public final class ValueText {
    /** For years {@link #formatTimestamp} does not write itself. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(TIMESTAMP)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {
    }

    /** The text of column {@code index} (1-based) of the current row, or null for SQL NULL. */
    public static String read(ResultSet rows, int index, ValueKind kind) throws SQLException {
        switch (kind) {
            case INTEGER: {
                long value = rows.getLong(index);
                return rows.wasNull() ? null : Long.toString(value);
            }
            case DECIMAL: {
                BigDecimal value = rows.getBigDecimal(index);
                return value == null ? null : value.toPlainString();
            }
            case DOUBLE: {
                double value = rows.getDouble(index);
                return rows.wasNull() ? null : formatDouble(value);
            }
            case REAL: {
                float value = rows.getFloat(index);
                return rows.wasNull() ? null : formatReal(value);
            }
            case BOOLEAN: {
                boolean value = rows.getBoolean(index);
                return rows.wasNull() ? null : Boolean.toString(value);
            }
            case DATE: {
                LocalDate value = rows.getObject(index, LocalDate.class);
                return value == null ? null : value.toString();
            }
            case TIME: {
                LocalTime value = rows.getObject(index, LocalTime.class);
                return value == null ? null : appendTime(new StringBuilder(18), value).toString();
            }
            case TIMESTAMP: {
                LocalDateTime value = rows.getObject(index, LocalDateTime.class);
                return value == null ? null : formatTimestamp(value);
            }
            case TIMESTAMP_WITH_TIME_ZONE: {
                OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
                return value == null ? null : formatTimestamp(value);
            }
            case BINARY: {
                byte[] value = rows.getBytes(index);
                return value == null ? null : hex(value);
            }
            case ARRAY:
            case STRUCT: {
                Object value = rows.getObject(index);
                return value == null ? null : nested(value);
            }
            default:
                return rows.getString(index);
        }
    }

    /**
     * {@code 2024-03-04 09:30:00.25}: the fraction as long as needed, up to nanoseconds. Written by hand because
     * it is the hot path of printing timestamp columns ({@link DateTimeFormatter}'s fraction goes through
     * {@link BigDecimal}); years outside 0-9999 take the formatter.
     */
    public static String formatTimestamp(LocalDateTime value) {
        if (value.getYear() < 0 || value.getYear() > 9999) {
            return TIMESTAMP.format(value);
        }
        StringBuilder text = new StringBuilder(26);
        appendDate(text, value.toLocalDate()).append(' ');
        return appendTime(text, value.toLocalTime()).toString();
    }

    /** {@code 2024-03-04 09:30:00.25+00:00}. */
    public static String formatTimestamp(OffsetDateTime value) {
        if (value.getYear() < 0 || value.getYear() > 9999) {
            return TIMESTAMP_WITH_OFFSET.format(value);
        }
        StringBuilder text = new StringBuilder(32);
        appendDate(text, value.toLocalDate()).append(' ');
        appendTime(text, value.toLocalTime());
        // ZoneOffset.UTC's id is "Z"; every other offset's id is +hh:mm[:ss]
        return text.append(value.getOffset().getTotalSeconds() == 0 ? "+00:00" : value.getOffset().getId())
                .toString();
    }

    private static StringBuilder appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        text.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10)).append('-');
        return twoDigits(twoDigits(text, date.getMonthValue()).append('-'), date.getDayOfMonth());
    }

    private static StringBuilder appendTime(StringBuilder text, LocalTime time) {
        twoDigits(twoDigits(twoDigits(text, time.getHour()).append(':'), time.getMinute()).append(':'),
                time.getSecond());
        int fraction = time.getNano();
        if (fraction != 0) {
            int digits = 9;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            String significant = Integer.toString(fraction);
            text.append('.');
            for (int i = significant.length(); i < digits; i++) {
                text.append('0');
            }
            text.append(significant);
        }
        return text;
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * Shortest round-tripping digits, in plain notation between 1e-5 and 1e16 (where plain stays readable),
     * always with a decimal point so a double never looks like an integer.
     */
    public static String formatDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return plain(Double.toString(value), Math.abs(value));
    }

    public static String formatReal(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        return plain(Float.toString(value), Math.abs(value));
    }

    private static String plain(String shortest, double magnitude) {
        if (shortest.indexOf('E') < 0 || magnitude >= 1e16 || (magnitude < 1e-5 && magnitude != 0)) {
            return shortest;
        }
        String text = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        return text.indexOf('.') < 0 ? text + ".0" : text;
    }

    /** {@code \x} followed by two lower-case hex digits per byte, as PostgreSQL shows bytea. */
    public static String hex(byte[] bytes) {
        char[] text = new char[2 + bytes.length * 2];
        text[0] = '\\';
        text[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            text[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[3 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(text);
    }

    private static String nested(Object value) throws SQLException {
        StringBuilder text = new StringBuilder();
        appendNested(text, value);
        return text.toString();
    }

    private static void appendNested(StringBuilder text, Object value) throws SQLException {
        if (value == null) {
            text.append("NULL");
        } else if (value instanceof Array) {
            appendNested(text, ((Array) value).getArray());
        } else if (value instanceof Struct) {
            appendAll(text, Arrays.asList(((Struct) value).getAttributes()).iterator(), "{", "}");
        } else if (value instanceof Object[]) {
            appendAll(text, Arrays.asList((Object[]) value).iterator(), "[", "]");
        } else if (value instanceof List) {
            appendAll(text, ((List<?>) value).iterator(), "[", "]");
        } else if (value instanceof Map) {
            text.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                appendNested(text, entry.getKey());
                text.append(": ");
                appendNested(text, entry.getValue());
                if (entries.hasNext()) {
                    text.append(", ");
                }
            }
            text.append('}');
        } else if (value instanceof byte[]) {
            text.append(hex((byte[]) value));
        } else if (value instanceof Double) {
            text.append(formatDouble((Double) value));
        } else if (value instanceof LocalDateTime) {
            text.append(formatTimestamp((LocalDateTime) value));
        } else if (value instanceof BigDecimal) {
            text.append(((BigDecimal) value).toPlainString());
        } else {
            text.append(value);
        }
    }

    private static void appendAll(StringBuilder text, Iterator<?> elements, String open, String close)
            throws SQLException {
        text.append(open);
        while (elements.hasNext()) {
            appendNested(text, elements.next());
            if (elements.hasNext()) {
                text.append(", ");
            }
        }
        text.append(close);
    }
}
