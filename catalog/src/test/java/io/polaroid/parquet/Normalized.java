package io.polaroid.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * One comparable Java form per value, whatever produced it (DuckDB's JDBC objects, Arrow vectors, values a
 * test wrote): integers as BigInteger, decimals as BigDecimal without trailing zeros, floats and doubles as
 * themselves, binaries as hex, timestamps truncated to microseconds, lists as lists, structs as lists of
 * fields, maps as maps.
 */
final class Normalized {
    private Normalized() {
    }

    static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            // Whole numbers compare as integers, whichever type (UBIGINT, DECIMAL(20,0)) carried them.
            return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : stripped;
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof LocalDateTime time) {
            return time.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof LocalTime time) {
            return time.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object element : list) {
                result.add(of(element));
            }
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(of(k), of(v)));
            return result;
        }
        return value;
    }

    /** The normalized value of {@code vector[index]}. */
    static Object of(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        if (vector instanceof TinyIntVector v) {
            return of(v.get(index));
        }
        if (vector instanceof SmallIntVector v) {
            return of(v.get(index));
        }
        if (vector instanceof IntVector v) {
            return of(v.get(index));
        }
        if (vector instanceof BigIntVector v) {
            return of(v.get(index));
        }
        if (vector instanceof BitVector v) {
            return v.get(index) != 0;
        }
        if (vector instanceof Float4Vector v) {
            return v.get(index);
        }
        if (vector instanceof Float8Vector v) {
            return v.get(index);
        }
        if (vector instanceof DecimalVector v) {
            return of(v.getObject(index));
        }
        if (vector instanceof VarCharVector v) {
            return new String(v.get(index), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (vector instanceof VarBinaryVector v) {
            return of(v.get(index));
        }
        if (vector instanceof DateDayVector v) {
            return LocalDate.ofEpochDay(v.get(index));
        }
        if (vector instanceof TimeMicroVector v) {
            return LocalTime.ofNanoOfDay(v.get(index) * 1000);
        }
        if (vector instanceof TimeStampMicroTZVector v) {
            return micros(v.get(index)).toInstant(ZoneOffset.UTC);
        }
        if (vector instanceof TimeStampMicroVector v) {
            return micros(v.get(index));
        }
        if (vector instanceof MapVector v) {
            StructVector entries = (StructVector) v.getDataVector();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
                map.put(of((FieldVector) entries.getChildByOrdinal(0), i), of((FieldVector) entries.getChildByOrdinal(1), i));
            }
            return map;
        }
        if (vector instanceof ListVector v) {
            List<Object> list = new ArrayList<>();
            for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
                list.add(of(v.getDataVector(), i));
            }
            return list;
        }
        if (vector instanceof StructVector v) {
            List<Object> fields = new ArrayList<>();
            for (FieldVector child : v.getChildrenFromFields()) {
                fields.add(of(child, index));
            }
            return fields;
        }
        throw new IllegalArgumentException("no normalization for " + vector.getClass().getSimpleName());
    }

    private static LocalDateTime micros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
