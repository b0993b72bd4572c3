package io.polaroid.engine.types;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The values bound to a statement's {@code ?} parameters, converted once from the Java objects a client
 * passes to the statement's inferred parameter types.
 *
 * <p>Each value is kept in two representations: {@link #vectorValue} for the vector engine (timestamps
 * and times in microseconds, as Arrow holds them) and {@link #internalValue} for Calcite's row engine
 * (milliseconds, boxed to the exact class its generated code casts to).
 */
public final class ParameterValues {
    private static final ParameterValues NONE = new ParameterValues(List.of(), List.of(), List.of());

    private final List<RelDataType> types;
    private final List<Object> vectorValues;
    private final List<Object> internalValues;

    private ParameterValues(List<RelDataType> types, List<Object> vectorValues, List<Object> internalValues) {
        this.types = types;
        this.vectorValues = vectorValues;
        this.internalValues = internalValues;
    }

    public static ParameterValues none() {
        return NONE;
    }

    /** Converts {@code values} (one per parameter, in order) to the parameter {@code types}. */
    public static ParameterValues bind(List<RelDataType> types, List<Object> values) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(values, "values");
        if (values.size() != types.size()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the statement has " + types.size()
                    + " parameter(s) but " + values.size() + " value(s) were bound");
        }
        List<Object> vector = new ArrayList<>(types.size());
        List<Object> internal = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            Object canonical = toVectorValue(i + 1, types.get(i), values.get(i));
            vector.add(canonical);
            internal.add(toInternal(types.get(i), canonical));
        }
        return new ParameterValues(List.copyOf(types), java.util.Collections.unmodifiableList(vector),
                java.util.Collections.unmodifiableList(internal));
    }

    public int size() {
        return types.size();
    }

    public RelDataType type(int index) {
        return types.get(index);
    }

    /**
     * The value of parameter {@code index} (0-based) for the vector engine: Long for integers, dates
     * (days), times and timestamps (micros) and day-time intervals (micros), Integer months for year-month
     * intervals, Double, BigDecimal, String, byte[], Boolean; or null.
     */
    public Object vectorValue(int index) {
        return vectorValues.get(index);
    }

    /** The value of parameter {@code index} (0-based) as Calcite's generated code expects it. */
    public Object internalValue(int index) {
        return internalValues.get(index);
    }

    private static Object toVectorValue(int ordinal, RelDataType type, Object value) {
        if (value == null) {
            return null;
        }
        try {
            SqlTypeName name = type.getSqlTypeName();
            switch (name) {
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    if (value instanceof String) {
                        return parseBoolean((String) value);
                    }
                    if (value instanceof Number) {
                        return ((Number) value).longValue() != 0;
                    }
                    break;
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                case BIGINT:
                    return checkedRange(ordinal, type, toExact(value));
                case DECIMAL:
                    return Decimals.rescale(toBigDecimal(value), Math.max(0, type.getScale()), type.getPrecision());
                case REAL:
                case FLOAT:
                case DOUBLE:
                    if (value instanceof Number) {
                        return ((Number) value).doubleValue();
                    }
                    if (value instanceof String) {
                        return Double.parseDouble(((String) value).trim());
                    }
                    break;
                case CHAR:
                case VARCHAR:
                    return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8)
                            : value.toString();
                case BINARY:
                case VARBINARY:
                    if (value instanceof byte[]) {
                        return value;
                    }
                    if (value instanceof ByteString) {
                        return ((ByteString) value).getBytes();
                    }
                    if (value instanceof String) {
                        return ((String) value).getBytes(StandardCharsets.UTF_8);
                    }
                    break;
                case DATE:
                    return toDate(value).toEpochDay();
                case TIME:
                    return toTime(value).toNanoOfDay() / 1000;
                case TIMESTAMP:
                    return micros(toLocalDateTime(value).toInstant(ZoneOffset.UTC));
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                case TIMESTAMP_TZ:
                    return micros(toInstant(value));
                default:
                    if (name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME && value instanceof Number) {
                        return ((Number) value).longValue() * 1000L;
                    }
                    if (name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH && value instanceof Number) {
                        return ((Number) value).intValue();
                    }
                    // A parameter whose type could not be inferred keeps the client's value.
                    return value;
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw mismatch(ordinal, type, value, e.getMessage());
        }
        throw mismatch(ordinal, type, value, null);
    }

    private static Object toInternal(RelDataType type, Object vectorValue) {
        if (vectorValue == null) {
            return null;
        }
        switch (type.getSqlTypeName()) {
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return Math.floorDiv((Long) vectorValue, 1000L);
            case TIME:
                return (int) ((Long) vectorValue / 1000L);
            case DATE:
                return ((Long) vectorValue).intValue();
            case BINARY:
            case VARBINARY:
                return new ByteString((byte[]) vectorValue);
            default:
                if (type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return Math.floorDiv((Long) vectorValue, 1000L);
                }
                if (vectorValue instanceof Number) {
                    return InternalValues.coerceNumber((Number) vectorValue, type.getSqlTypeName());
                }
                return vectorValue;
        }
    }

    private static long checkedRange(int ordinal, RelDataType type, long value) {
        long min;
        long max;
        switch (type.getSqlTypeName()) {
            case TINYINT:
                min = Byte.MIN_VALUE;
                max = Byte.MAX_VALUE;
                break;
            case SMALLINT:
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
                break;
            case INTEGER:
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
                break;
            default:
                return value;
        }
        if (value < min || value > max) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "parameter " + ordinal + " value " + value + " is out of range for " + type.getSqlTypeName());
        }
        return value;
    }

    private static long toExact(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).longValueExact();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 9.223372036854776E18) {
                throw new ArithmeticException("value " + d + " is not a BIGINT");
            }
            return Math.round(d);
        }
        if (value instanceof String) {
            return new BigDecimal(((String) value).trim()).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1 : 0;
        }
        throw new NumberFormatException("not a number");
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof String) {
            return new BigDecimal(((String) value).trim());
        }
        throw new NumberFormatException("not a number");
    }

    private static boolean parseBoolean(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "t":
            case "1":
            case "yes":
                return true;
            case "false":
            case "f":
            case "0":
            case "no":
                return false;
            default:
                throw new NumberFormatException("'" + text + "' is not a boolean");
        }
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof String) {
            return LocalDate.parse(((String) value).trim());
        }
        return toLocalDateTime(value).toLocalDate();
    }

    private static LocalTime toTime(Object value) {
        if (value instanceof LocalTime) {
            return (LocalTime) value;
        }
        if (value instanceof java.sql.Time) {
            return ((java.sql.Time) value).toLocalTime();
        }
        if (value instanceof String) {
            return LocalTime.parse(((String) value).trim());
        }
        return toLocalDateTime(value).toLocalTime();
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof java.sql.Timestamp) {
            // JDBC semantics: a Timestamp is a wall-clock time in the JVM's zone.
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate().atStartOfDay();
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay();
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
            return LocalDateTime.ofInstant(toInstant(value), ZoneOffset.UTC);
        }
        if (value instanceof String) {
            String text = ((String) value).trim().replace(' ', 'T');
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        }
        throw new DateTimeParseException("not a timestamp", String.valueOf(value), 0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toInstant();
        }
        if (value instanceof String) {
            String text = ((String) value).trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return toLocalDateTime(text).toInstant(ZoneOffset.UTC);
            }
        }
        // A naive date-time bound to an instant parameter is read as UTC, the session time zone.
        return toLocalDateTime(value).toInstant(ZoneOffset.UTC);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static PolaroidException mismatch(int ordinal, RelDataType type, Object value, String detail) {
        return new PolaroidException(ErrorCode.DATATYPE_MISMATCH, "parameter " + ordinal + " ("
                + value.getClass().getSimpleName() + " " + value + ") cannot be used as " + type.getSqlTypeName()
                + (detail == null ? "" : ": " + detail));
    }
}
