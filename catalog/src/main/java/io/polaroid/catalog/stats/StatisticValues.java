package io.polaroid.catalog.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The Java representation of statistics and predicate values for each Arrow type, and the one ordering
 * used to compare them: Long for integers, dates, times and timestamps; Double for floating point;
 * BigDecimal for decimals; String for Utf8; Boolean for Bool. Other types (binary, nested) have no
 * representation and are never used for pruning.
 */
public final class StatisticValues {

    /** The representation of a type's values. */
    public enum Kind { LONG, DOUBLE, DECIMAL, STRING, BOOLEAN, NONE }

    private StatisticValues() {
    }

    public static Kind kindOf(ArrowType type) {
        Objects.requireNonNull(type, "type");
        return switch (type.getTypeID()) {
            case Int, Date, Time, Timestamp -> Kind.LONG;
            case FloatingPoint -> Kind.DOUBLE;
            case Decimal -> Kind.DECIMAL;
            case Utf8 -> Kind.STRING;
            case Bool -> Kind.BOOLEAN;
            default -> Kind.NONE;
        };
    }

    /**
     * {@code value} in the representation of {@code type}, converting numbers exactly (an integer statistic
     * of a column widened to DOUBLE or DECIMAL becomes a Double or BigDecimal); {@code null} when the value
     * is null or cannot be represented.
     */
    public static Object normalize(Object value, ArrowType type) {
        if (value == null) {
            return null;
        }
        return switch (kindOf(type)) {
            case LONG -> toLong(value);
            case DOUBLE -> value instanceof Number number ? number.doubleValue() : null;
            case DECIMAL -> toBigDecimal(value);
            case STRING -> value instanceof String ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case NONE -> null;
        };
    }

    /**
     * Compares two values of possibly different numeric representations by their numeric value, strings by
     * code point (Parquet's unsigned UTF-8 byte order) and booleans with false first. Empty when the values
     * cannot be ordered: different kinds, NaN, null, or unsupported types.
     */
    public static Optional<Integer> compare(Object a, Object b) {
        if (a == null || b == null) {
            return Optional.empty();
        }
        if (a instanceof String sa && b instanceof String sb) {
            return Optional.of(compareCodePoints(sa, sb));
        }
        if (a instanceof Boolean ba && b instanceof Boolean bb) {
            return Optional.of(Boolean.compare(ba, bb));
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return compareNumbers(na, nb);
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a floating point NaN, which orders with nothing. */
    public static boolean isNaN(Object value) {
        return (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN());
    }

    private static Optional<Integer> compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Optional.of(Long.compare(a.longValue(), b.longValue()));
        }
        if (isNaN(a) || isNaN(b)) {
            return Optional.empty();
        }
        boolean infiniteA = isInfinite(a);
        boolean infiniteB = isInfinite(b);
        if (infiniteA || infiniteB) {
            // Adding 0.0 turns -0.0 into 0.0 so the two zeros compare equal, as SQL wants.
            return Optional.of(Double.compare(a.doubleValue() + 0.0, b.doubleValue() + 0.0));
        }
        BigDecimal da = toBigDecimal(a);
        BigDecimal db = toBigDecimal(b);
        return da == null || db == null ? Optional.empty() : Optional.of(da.compareTo(db));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static boolean isInfinite(Number n) {
        return (n instanceof Double d && d.isInfinite()) || (n instanceof Float f && f.isInfinite());
    }

    private static Long toLong(Object value) {
        if (value instanceof Number number && isIntegral(number)) {
            return number.longValue();
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            BigDecimal decimal = toBigDecimal(value);
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number number && isIntegral(number)) {
            return BigDecimal.valueOf(number.longValue());
        }
        if ((value instanceof Double || value instanceof Float) && !isNaN(value) && !isInfinite((Number) value)) {
            return new BigDecimal(((Number) value).doubleValue());
        }
        return null;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
