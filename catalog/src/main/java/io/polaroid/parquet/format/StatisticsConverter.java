package io.polaroid.parquet.format;

import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.schema.LeafColumn;
import io.polaroid.parquet.schema.LogicalKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.format.Statistics;

/**
 * Turns a column chunk's thrift {@link Statistics} into {@link ColumnStatistics} values that are safe to
 * prune with. The rules, from the format spec and parquet-java's history:
 * <ul>
 *   <li>{@code min_value}/{@code max_value} use the type's defined sort order and are trusted (for strings
 *       they may be truncated, but then they are still a lower and an upper bound);</li>
 *   <li>the deprecated {@code min}/{@code max} were compared as signed values by old writers, so they are
 *       only trusted where signed order is the right order (booleans, signed numbers, dates, times,
 *       timestamps, int-backed decimals), never for binary, unsigned or INT96 columns;</li>
 *   <li>a NaN bound makes float bounds useless; a zero bound is widened to -0.0 / +0.0;</li>
 *   <li>bounds that do not decode (bad length, invalid UTF-8) or where min &gt; max are dropped.</li>
 * </ul>
 */
public final class StatisticsConverter {
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private StatisticsConverter() {
    }

    /**
     * @param column          the leaf column the statistics describe
     * @param statistics      the chunk's statistics, or {@code null}
     * @param typeDefinedOrder whether the footer's column order for this column is the type-defined order
     *                         (true when the footer lists no column orders)
     */
    public static ColumnStatistics convert(LeafColumn column, Statistics statistics, boolean typeDefinedOrder) {
        if (statistics == null) {
            return ColumnStatistics.UNKNOWN;
        }
        long nullCount = statistics.isSetNull_count() && statistics.getNull_count() >= 0
                ? statistics.getNull_count() : -1;
        byte[] min = null;
        byte[] max = null;
        if (statistics.isSetMin_value() && statistics.isSetMax_value()) {
            if (typeDefinedOrder) {
                min = statistics.getMin_value();
                max = statistics.getMax_value();
            }
        } else if (statistics.isSetMin() && statistics.isSetMax() && signedOrderIsCorrect(column)) {
            min = statistics.getMin();
            max = statistics.getMax();
        }
        Object minValue = min == null ? null : decode(column, min, true);
        Object maxValue = max == null ? null : decode(column, max, false);
        if (minValue == null || maxValue == null || !ordered(minValue, maxValue)) {
            return new ColumnStatistics(nullCount, null, null);
        }
        return new ColumnStatistics(nullCount, minValue, maxValue);
    }

    private static boolean signedOrderIsCorrect(LeafColumn column) {
        return switch (column.physicalType()) {
            case BOOLEAN, FLOAT, DOUBLE -> true;
            case INT32, INT64 -> column.kind() != LogicalKind.UNSIGNED_INT32
                    && column.kind() != LogicalKind.UNSIGNED_INT64;
            default -> false;
        };
    }

    /** The pruning value of one PLAIN-encoded bound, or {@code null} when unusable. */
    private static Object decode(LeafColumn column, byte[] bytes, boolean isMin) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (column.physicalType()) {
            case BOOLEAN:
                return bytes.length == 1 ? bytes[0] != 0 : null;
            case INT32:
                return bytes.length == 4 ? fromInt32(column, buffer.getInt(0)) : null;
            case INT64:
                return bytes.length == 8 ? fromInt64(column, buffer.getLong(0)) : null;
            case FLOAT:
                return bytes.length == 4 ? floatBound(buffer.getFloat(0), isMin) : null;
            case DOUBLE:
                return bytes.length == 8 ? floatBound(buffer.getDouble(0), isMin) : null;
            case BYTE_ARRAY:
            case FIXED_LEN_BYTE_ARRAY:
                return fromBinary(column, bytes);
            default:
                return null;
        }
    }

    private static Object fromInt32(LeafColumn column, int value) {
        return switch (column.kind()) {
            case SIGNED_INT, DATE -> (long) value;
            case UNSIGNED_INT32 -> Integer.toUnsignedLong(value);
            case TIME_MILLIS -> value * MICROS_PER_MILLI;
            case DECIMAL -> BigDecimal.valueOf(value, column.scale());
            default -> null;
        };
    }

    private static Object fromInt64(LeafColumn column, long value) {
        return switch (column.kind()) {
            case SIGNED_INT, TIME_MICROS, TIMESTAMP_MICROS -> value;
            case UNSIGNED_INT64 -> new BigDecimal(new BigInteger(Long.toUnsignedString(value)));
            case TIME_MILLIS, TIMESTAMP_MILLIS -> multiplyOrNull(value, MICROS_PER_MILLI);
            case TIME_NANOS, TIMESTAMP_NANOS -> Math.floorDiv(value, NANOS_PER_MICRO);
            case DECIMAL -> BigDecimal.valueOf(value, column.scale());
            default -> null;
        };
    }

    private static Object fromBinary(LeafColumn column, byte[] bytes) {
        switch (column.kind()) {
            case STRING:
                return utf8OrNull(bytes);
            case DECIMAL:
                return bytes.length == 0 ? null : new BigDecimal(new BigInteger(bytes), column.scale());
            case UUID:
                return bytes.length == 16 ? Uuids.format(bytes, 0) : null;
            default:
                return null;
        }
    }

    private static Double floatBound(double value, boolean isMin) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (value == 0.0) {
            // Writers disagree on the sign of zero in bounds; widen so both zeros stay inside.
            return isMin ? -0.0 : 0.0;
        }
        return value;
    }

    private static Long multiplyOrNull(long value, long factor) {
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : null;
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean ordered(Object min, Object max) {
        if (min instanceof String a && max instanceof String b) {
            // Parquet orders strings by unsigned bytes, which equals code point order, not UTF-16 order.
            return compareCodePoints(a, b) <= 0;
        }
        return ((Comparable) min).compareTo(max) <= 0;
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
