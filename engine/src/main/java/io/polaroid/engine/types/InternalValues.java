package io.polaroid.engine.types;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Moves single values between Arrow vectors and the Java values Calcite's row-at-a-time (Enumerable)
 * execution uses: {@code Integer} days for DATE, {@code Integer} milliseconds of the day for TIME,
 * {@code Long} epoch milliseconds for TIMESTAMP (both kinds), {@code BigDecimal}, {@code String},
 * {@code ByteString}, {@code List}, {@code Map}, {@code Object[]} for structs.
 *
 * <p>Arrow holds microseconds; Calcite's row execution holds milliseconds, so values crossing into rows
 * are truncated to the millisecond (floor) and values coming back are widened. This is the documented
 * precision loss of the fallback path.
 */
public final class InternalValues {

    /** Reads one row of a vector as a Calcite internal value ({@code null} for SQL NULL). */
    @FunctionalInterface
    public interface Reader {
        Object get(int row);
    }

    /** Writes a Calcite internal value (or {@code null}) into one row of a vector. */
    @FunctionalInterface
    public interface Writer {
        void set(int row, Object value);
    }

    private InternalValues() {
    }

    /** A reader of {@code vector}, whose values are of SQL type {@code type}. */
    public static Reader reader(FieldVector vector, RelDataType type) {
        Objects.requireNonNull(vector, "vector");
        Reader raw = rawReader(vector, type);
        return row -> vector.isNull(row) ? null : raw.get(row);
    }

    private static Reader rawReader(ValueVector vector, RelDataType type) {
        SqlTypeName target = type.getSqlTypeName();
        if (vector instanceof TimeStampVector) {
            TimeStampVector ts = (TimeStampVector) vector;
            long divisor = microsPerUnit(((ArrowType.Timestamp) ts.getField().getType()).getUnit());
            // micros or coarser -> millis: floor so that instants before 1970 round down like DuckDB does
            return row -> toMillis(ts.get(row), divisor);
        }
        if (vector instanceof DateDayVector) {
            DateDayVector v = (DateDayVector) vector;
            return row -> v.get(row);
        }
        if (vector instanceof DateMilliVector) {
            DateMilliVector v = (DateMilliVector) vector;
            return row -> (int) Math.floorDiv(v.get(row), 86_400_000L);
        }
        if (vector instanceof TimeMicroVector) {
            TimeMicroVector v = (TimeMicroVector) vector;
            return row -> (int) (v.get(row) / 1000);
        }
        if (vector instanceof TimeMilliVector) {
            TimeMilliVector v = (TimeMilliVector) vector;
            return row -> v.get(row);
        }
        if (vector instanceof TimeNanoVector) {
            TimeNanoVector v = (TimeNanoVector) vector;
            return row -> (int) (v.get(row) / 1_000_000);
        }
        if (vector instanceof TimeSecVector) {
            TimeSecVector v = (TimeSecVector) vector;
            return row -> v.get(row) * 1000;
        }
        if (vector instanceof BitVector) {
            BitVector v = (BitVector) vector;
            return row -> v.get(row) != 0;
        }
        if (vector instanceof VarCharVector) {
            VarCharVector v = (VarCharVector) vector;
            return row -> new String(v.get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof VarBinaryVector) {
            VarBinaryVector v = (VarBinaryVector) vector;
            return row -> new ByteString(v.get(row));
        }
        if (vector instanceof FixedSizeBinaryVector) {
            FixedSizeBinaryVector v = (FixedSizeBinaryVector) vector;
            return row -> new ByteString(v.get(row));
        }
        if (vector instanceof DecimalVector) {
            DecimalVector v = (DecimalVector) vector;
            return row -> v.getObject(row);
        }
        if (vector instanceof DurationVector) {
            DurationVector v = (DurationVector) vector;
            long divisor = microsPerUnit(((ArrowType.Duration) v.getField().getType()).getUnit());
            return row -> toMillis(DurationVector.get(v.getDataBuffer(), row), divisor);
        }
        if (vector instanceof IntervalYearVector) {
            IntervalYearVector v = (IntervalYearVector) vector;
            return row -> v.get(row);
        }
        if (vector instanceof MapVector) {
            MapVector v = (MapVector) vector;
            StructVector entries = (StructVector) v.getDataVector();
            RelDataType keyType = Objects.requireNonNull(type.getKeyType());
            RelDataType valueType = Objects.requireNonNull(type.getValueType());
            Reader keys = reader((FieldVector) entries.getChildByOrdinal(0), keyType);
            Reader values = reader((FieldVector) entries.getChildByOrdinal(1), valueType);
            return row -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = v.getElementStartIndex(row); i < v.getElementEndIndex(row); i++) {
                    map.put(keys.get(i), values.get(i));
                }
                return map;
            };
        }
        if (vector instanceof ListVector) {
            ListVector v = (ListVector) vector;
            Reader items = reader(v.getDataVector(), Objects.requireNonNull(type.getComponentType()));
            return row -> {
                List<Object> list = new ArrayList<>();
                for (int i = v.getElementStartIndex(row); i < v.getElementEndIndex(row); i++) {
                    list.add(items.get(i));
                }
                return list;
            };
        }
        if (vector instanceof StructVector) {
            StructVector v = (StructVector) vector;
            int n = v.size();
            Reader[] children = new Reader[n];
            for (int i = 0; i < n; i++) {
                children[i] = reader((FieldVector) v.getChildByOrdinal(i), type.getFieldList().get(i).getType());
            }
            return row -> {
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = children[i].get(row);
                }
                return values;
            };
        }
        // Numbers: box to the exact class Calcite's generated code casts to.
        Reader number = numberReader(vector);
        return row -> coerceNumber((Number) number.get(row), target);
    }

    private static Reader numberReader(ValueVector vector) {
        if (vector instanceof TinyIntVector) {
            TinyIntVector v = (TinyIntVector) vector;
            return v::get;
        } else if (vector instanceof SmallIntVector) {
            SmallIntVector v = (SmallIntVector) vector;
            return v::get;
        } else if (vector instanceof IntVector) {
            IntVector v = (IntVector) vector;
            return v::get;
        } else if (vector instanceof BigIntVector) {
            BigIntVector v = (BigIntVector) vector;
            return v::get;
        } else if (vector instanceof Float4Vector) {
            Float4Vector v = (Float4Vector) vector;
            return v::get;
        } else if (vector instanceof Float8Vector) {
            Float8Vector v = (Float8Vector) vector;
            return v::get;
        }
        return row -> {
            Object value = vector.getObject(row);
            if (value instanceof Number) {
                return value;
            }
            throw new IllegalStateException("cannot read " + vector.getField() + " as a number");
        };
    }

    private static long microsPerUnit(TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return -1_000_000L;
            case MILLISECOND:
                return -1_000L;
            case MICROSECOND:
                return 1L;
            default:
                return 1_000L; // nanoseconds: divide
        }
    }

    /**
     * Converts a value in Arrow {@code unit} to milliseconds. {@code perMicro} &lt; 0 means each unit is
     * that many micros (seconds, millis); &gt; 0 means that many units per micro (1 micros, 1000 nanos).
     */
    private static long toMillis(long value, long perMicro) {
        if (perMicro < 0) {
            return value * (-perMicro) / 1000;
        }
        long micros = perMicro == 1 ? value : Math.floorDiv(value, perMicro);
        return Math.floorDiv(micros, 1000L);
    }

    /** Boxes a number to the Java class Calcite uses for {@code type}. */
    public static Object coerceNumber(Number value, SqlTypeName type) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TINYINT:
                return value.byteValue();
            case SMALLINT:
                return value.shortValue();
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                return value.intValue();
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return value.longValue();
            case REAL:
                return value.floatValue();
            case FLOAT:
            case DOUBLE:
                return value.doubleValue();
            case DECIMAL:
                return value instanceof BigDecimal ? value : new BigDecimal(value.toString());
            default:
                if (type.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return value.longValue();
                }
                return value;
        }
    }

    /** A writer into {@code vector} (allocated by the caller) of values of SQL type {@code type}. */
    public static Writer writer(FieldVector vector, RelDataType type) {
        Objects.requireNonNull(vector, "vector");
        Writer raw = rawWriter(vector, type);
        return (row, value) -> {
            if (value == null) {
                setNull(vector, row);
            } else {
                raw.set(row, value);
            }
        };
    }

    private static void setNull(ValueVector vector, int row) {
        if (vector instanceof BaseFixedWidthVector) {
            ((BaseFixedWidthVector) vector).setNull(row);
        } else if (vector instanceof VarCharVector) {
            ((VarCharVector) vector).setNull(row);
        } else if (vector instanceof VarBinaryVector) {
            ((VarBinaryVector) vector).setNull(row);
        } else if (vector instanceof ListVector) {
            ((ListVector) vector).setNull(row);
        } else if (vector instanceof StructVector) {
            ((StructVector) vector).setNull(row);
        } else if (vector instanceof org.apache.arrow.vector.NullVector) {
            // every value is null already
        } else {
            throw new IllegalStateException("cannot write NULL into " + vector.getField());
        }
    }

    private static Writer rawWriter(ValueVector vector, RelDataType type) {
        if (vector instanceof TimeStampVector) {
            TimeStampVector v = (TimeStampVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).longValue() * 1000L);
        } else if (vector instanceof DateDayVector) {
            DateDayVector v = (DateDayVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof TimeMicroVector) {
            TimeMicroVector v = (TimeMicroVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).longValue() * 1000L);
        } else if (vector instanceof BitVector) {
            BitVector v = (BitVector) vector;
            return (row, value) -> v.setSafe(row, ((Boolean) value) ? 1 : 0);
        } else if (vector instanceof TinyIntVector) {
            TinyIntVector v = (TinyIntVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).byteValue());
        } else if (vector instanceof SmallIntVector) {
            SmallIntVector v = (SmallIntVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).shortValue());
        } else if (vector instanceof IntVector) {
            IntVector v = (IntVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof BigIntVector) {
            BigIntVector v = (BigIntVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof Float4Vector) {
            Float4Vector v = (Float4Vector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).floatValue());
        } else if (vector instanceof Float8Vector) {
            Float8Vector v = (Float8Vector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).doubleValue());
        } else if (vector instanceof DecimalVector) {
            DecimalVector v = (DecimalVector) vector;
            int scale = v.getScale();
            return (row, value) -> v.setSafe(row, Decimals.rescale(toBigDecimal(value), scale, v.getPrecision()));
        } else if (vector instanceof VarCharVector) {
            VarCharVector v = (VarCharVector) vector;
            return (row, value) -> v.setSafe(row, textOf(value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof VarBinaryVector) {
            VarBinaryVector v = (VarBinaryVector) vector;
            return (row, value) -> v.setSafe(row, value instanceof ByteString
                    ? ((ByteString) value).getBytes() : (byte[]) value);
        } else if (vector instanceof DurationVector) {
            DurationVector v = (DurationVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).longValue() * 1000L);
        } else if (vector instanceof IntervalYearVector) {
            IntervalYearVector v = (IntervalYearVector) vector;
            return (row, value) -> v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof MapVector) {
            MapVector v = (MapVector) vector;
            StructVector entries = (StructVector) v.getDataVector();
            Writer keys = writer((FieldVector) entries.getChildByOrdinal(0), Objects.requireNonNull(type.getKeyType()));
            Writer values = writer((FieldVector) entries.getChildByOrdinal(1),
                    Objects.requireNonNull(type.getValueType()));
            return (row, value) -> {
                Map<?, ?> map = (Map<?, ?>) value;
                int start = v.startNewValue(row);
                int i = start;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    entries.setIndexDefined(i);
                    keys.set(i, entry.getKey());
                    values.set(i, entry.getValue());
                    i++;
                }
                v.endValue(row, i - start);
            };
        } else if (vector instanceof ListVector) {
            ListVector v = (ListVector) vector;
            Writer items = writer(v.getDataVector(), Objects.requireNonNull(type.getComponentType()));
            return (row, value) -> {
                List<?> list = value instanceof List ? (List<?>) value : List.of((Object[]) value);
                int start = v.startNewValue(row);
                for (int i = 0; i < list.size(); i++) {
                    items.set(start + i, list.get(i));
                }
                v.endValue(row, list.size());
            };
        } else if (vector instanceof StructVector) {
            StructVector v = (StructVector) vector;
            int n = v.size();
            Writer[] children = new Writer[n];
            for (int i = 0; i < n; i++) {
                children[i] = writer((FieldVector) v.getChildByOrdinal(i), type.getFieldList().get(i).getType());
            }
            return (row, value) -> {
                Object[] fields = value instanceof List ? ((List<?>) value).toArray() : (Object[]) value;
                v.setIndexDefined(row);
                for (int i = 0; i < n; i++) {
                    children[i].set(row, fields[i]);
                }
            };
        }
        throw new IllegalStateException("no writer for " + vector.getField());
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return new BigDecimal(value.toString());
    }

    private static String textOf(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        // SYMBOL and other exotic values are rendered as text.
        return String.valueOf(value);
    }
}
