package io.polaroid.jdbc.remote;

import io.polaroid.engine.sql.PolaroidTypeSystem;
import io.polaroid.engine.types.ParameterValues;
import io.polaroid.engine.types.SqlTypes;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The parameters of one execution of a prepared statement as Flight SQL sends them: a one-row batch in
 * the parameter schema the server announced. Java values are converted by the engine's own rules
 * ({@link ParameterValues}), so a value binds the same way remotely as embedded. A parameter whose type
 * the server could not infer (type Null, or no parameter schema at all) is sent in the type of its value.
 *
 * <p>The batch is reused from one execution to the next while its schema stays the same; it belongs
 * to this object and is freed by {@link #close()}.
 */
final class ParameterRow implements AutoCloseable {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl(PolaroidTypeSystem.INSTANCE);

    private final Schema declared;
    private final BufferAllocator allocator;
    private VectorSchemaRoot root;

    ParameterRow(Schema declared, BufferAllocator allocator) {
        this.declared = Objects.requireNonNull(declared, "declared");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /** The row holding {@code values}, one per parameter in order; valid until the next call or close. */
    VectorSchemaRoot fill(List<Object> values) {
        Objects.requireNonNull(values, "values");
        Schema schema = schemaFor(values);
        if (root == null || !root.getSchema().equals(schema)) {
            close();
            root = VectorSchemaRoot.create(schema, allocator);
        }
        List<RelDataType> types = new ArrayList<>(values.size());
        for (Field field : schema.getFields()) {
            types.add(SqlTypes.toRelType(field, TYPES));
        }
        ParameterValues bound = ParameterValues.bind(types, values);
        root.allocateNew();
        for (int i = 0; i < values.size(); i++) {
            Object value = bound.vectorValue(i);
            if (value != null) {
                write(root.getVector(i), value, i + 1);
            }
        }
        root.setRowCount(1);
        return root;
    }

    /** The declared schema, with the type of the value for each parameter the server could not type. */
    private Schema schemaFor(List<Object> values) {
        List<Field> fields = declared.getFields();
        if (!fields.isEmpty() && fields.size() != values.size()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the statement has " + fields.size()
                    + " parameter(s) but " + values.size() + " value(s) were bound");
        }
        List<Field> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Field field = fields.isEmpty() ? null : fields.get(i);
            if (field == null || field.getType().getTypeID() == ArrowType.ArrowTypeID.Null) {
                String name = field == null ? "parameter_" + (i + 1) : field.getName();
                result.add(new Field(name, FieldType.nullable(typeOf(values.get(i))), null));
            } else {
                result.add(field);
            }
        }
        return new Schema(result);
    }

    /** The Arrow type a Java value has when nothing else says what it should be. */
    static ArrowType typeOf(Object value) {
        if (value == null) {
            return ArrowType.Null.INSTANCE;
        } else if (value instanceof Boolean) {
            return ArrowType.Bool.INSTANCE;
        } else if (value instanceof Byte) {
            return new ArrowType.Int(8, true);
        } else if (value instanceof Short) {
            return new ArrowType.Int(16, true);
        } else if (value instanceof Integer) {
            return new ArrowType.Int(32, true);
        } else if (value instanceof Long) {
            return new ArrowType.Int(64, true);
        } else if (value instanceof Float) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        } else if (value instanceof Double) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        } else if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            int scale = Math.max(0, decimal.scale());
            int precision = Math.max(decimal.precision() - decimal.scale() + scale, scale + 1);
            return new ArrowType.Decimal(precision, scale, precision <= 38 ? 128 : 256);
        } else if (value instanceof byte[]) {
            return ArrowType.Binary.INSTANCE;
        } else if (value instanceof LocalDate || value instanceof java.sql.Date) {
            return new ArrowType.Date(DateUnit.DAY);
        } else if (value instanceof LocalTime || value instanceof java.sql.Time) {
            return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
        } else if (value instanceof LocalDateTime || value instanceof java.sql.Timestamp) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, SqlTypes.UTC);
        }
        return ArrowType.Utf8.INSTANCE;
    }

    /**
     * Writes a canonical value ({@link ParameterValues#vectorValue}: Long for integers, days, and
     * micros of times and timestamps; Double, BigDecimal, String, byte[], Boolean) into row 0.
     */
    private static void write(FieldVector vector, Object value, int ordinal) {
        try {
            if (vector instanceof BitVector bits) {
                bits.setSafe(0, (Boolean) value ? 1 : 0);
            } else if (vector instanceof TinyIntVector tiny) {
                tiny.setSafe(0, (byte) exact(value, Byte.MIN_VALUE, Byte.MAX_VALUE, vector, ordinal));
            } else if (vector instanceof SmallIntVector small) {
                small.setSafe(0, (short) exact(value, Short.MIN_VALUE, Short.MAX_VALUE, vector, ordinal));
            } else if (vector instanceof IntVector ints) {
                ints.setSafe(0, (int) exact(value, Integer.MIN_VALUE, Integer.MAX_VALUE, vector, ordinal));
            } else if (vector instanceof BigIntVector longs) {
                longs.setSafe(0, (Long) value);
            } else if (vector instanceof UInt1Vector u1) {
                u1.setSafe(0, (byte) exact(value, 0, 0xFF, vector, ordinal));
            } else if (vector instanceof UInt2Vector u2) {
                u2.setSafe(0, (char) exact(value, 0, 0xFFFF, vector, ordinal));
            } else if (vector instanceof UInt4Vector u4) {
                u4.setSafe(0, (int) exact(value, 0, 0xFFFF_FFFFL, vector, ordinal));
            } else if (vector instanceof UInt8Vector u8) {
                u8.setSafe(0, exact(value, 0, Long.MAX_VALUE, vector, ordinal));
            } else if (vector instanceof Float4Vector floats) {
                floats.setSafe(0, ((Number) value).floatValue());
            } else if (vector instanceof Float8Vector doubles) {
                doubles.setSafe(0, ((Number) value).doubleValue());
            } else if (vector instanceof DecimalVector decimals) {
                decimals.setSafe(0, (BigDecimal) value);
            } else if (vector instanceof Decimal256Vector decimals) {
                decimals.setSafe(0, (BigDecimal) value);
            } else if (vector instanceof VarCharVector text) {
                text.setSafe(0, value.toString().getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof LargeVarCharVector text) {
                text.setSafe(0, value.toString().getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof VarBinaryVector binary) {
                binary.setSafe(0, (byte[]) value);
            } else if (vector instanceof LargeVarBinaryVector binary) {
                binary.setSafe(0, (byte[]) value);
            } else if (vector instanceof FixedSizeBinaryVector binary) {
                binary.setSafe(0, (byte[]) value);
            } else if (vector instanceof DateDayVector days) {
                days.setSafe(0, Math.toIntExact((Long) value));
            } else if (vector instanceof DateMilliVector millis) {
                millis.setSafe(0, Math.multiplyExact((Long) value, 86_400_000L));
            } else if (vector instanceof TimeSecVector time) {
                time.setSafe(0, (int) ((Long) value / 1_000_000L));
            } else if (vector instanceof TimeMilliVector time) {
                time.setSafe(0, (int) ((Long) value / 1000L));
            } else if (vector instanceof TimeMicroVector time) {
                time.setSafe(0, (Long) value);
            } else if (vector instanceof TimeNanoVector time) {
                time.setSafe(0, Math.multiplyExact((Long) value, 1000L));
            } else if (vector instanceof TimeStampVector timestamp) {
                ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
                timestamp.setSafe(0, fromMicros((Long) value, type.getUnit()));
            } else if (!(vector instanceof NullVector)) {
                throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "parameter " + ordinal + " has Arrow type "
                        + vector.getField().getType() + ", which the remote mode cannot bind yet");
            }
        } catch (ArithmeticException | ClassCastException e) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "parameter " + ordinal + " value "
                    + value + " does not fit its type " + vector.getField().getType(), e);
        }
    }

    private static long exact(Object value, long min, long max, FieldVector vector, int ordinal) {
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "parameter " + ordinal + " value "
                    + number + " is out of range for " + vector.getField().getType());
        }
        return number;
    }

    private static long fromMicros(long micros, TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return Math.floorDiv(micros, 1_000_000L);
            case MILLISECOND:
                return Math.floorDiv(micros, 1000L);
            case NANOSECOND:
                return Math.multiplyExact(micros, 1000L);
            default:
                return micros;
        }
    }

    @Override
    public void close() {
        if (root != null) {
            root.close();
            root = null;
        }
    }
}
