package io.polaroid.catalog.files.ipc;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One column of an Arrow IPC file mapped onto the system's Arrow types (see the shared conventions): most
 * types pass through as they are; timestamps and times of other units become microseconds, millisecond
 * dates become days, large strings and binaries become the 32-bit-offset kinds. Anything else (unsigned
 * integers, half floats, views, dictionary encoding, ...) is refused when the file is opened, naming it.
 */
final class IpcColumn {
    private enum Conversion { NONE, TIMESTAMP, TIME, DATE_MILLI, LARGE_VARIABLE }

    private final Field field;
    private final Conversion conversion;
    private final long multiplier;
    private final long divisor;

    private IpcColumn(Field field, Conversion conversion, long multiplier, long divisor) {
        this.field = field;
        this.conversion = conversion;
        this.multiplier = multiplier;
        this.divisor = divisor;
    }

    /** The column for {@code field} of {@code file}; {@code 0A000} naming both if its type is not served. */
    static IpcColumn of(Field field, Path file) {
        ArrowType type = field.getType();
        if (field.getDictionary() == null) {
            if (passesThrough(field)) {
                return new IpcColumn(field, Conversion.NONE, 1, 1);
            }
            if (type instanceof ArrowType.Timestamp timestamp) {
                String zone = timestamp.getTimezone() == null ? null : "UTC";
                return converted(field, new ArrowType.Timestamp(TimeUnit.MICROSECOND, zone), Conversion.TIMESTAMP,
                        timestamp.getUnit());
            }
            if (type instanceof ArrowType.Time time) {
                return converted(field, new ArrowType.Time(TimeUnit.MICROSECOND, 64), Conversion.TIME, time.getUnit());
            }
            if (type instanceof ArrowType.Date date && date.getUnit() == DateUnit.MILLISECOND) {
                return new IpcColumn(retyped(field, new ArrowType.Date(DateUnit.DAY)), Conversion.DATE_MILLI, 1, 1);
            }
            if (type instanceof ArrowType.LargeUtf8) {
                return new IpcColumn(retyped(field, ArrowType.Utf8.INSTANCE), Conversion.LARGE_VARIABLE, 1, 1);
            }
            if (type instanceof ArrowType.LargeBinary) {
                return new IpcColumn(retyped(field, ArrowType.Binary.INSTANCE), Conversion.LARGE_VARIABLE, 1, 1);
            }
        }
        String what = field.getDictionary() != null ? "dictionary-encoded " + type : type.toString();
        throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "column '" + field.getName() + "' of Arrow file '"
                + file + "' has type " + what + ", which this driver does not read");
    }

    /** The column as the system sees it. */
    Field field() {
        return field;
    }

    boolean needsConversion() {
        return conversion != Conversion.NONE;
    }

    /** A new vector holding {@code rows} values of {@code source} converted to {@link #field()}'s type. */
    FieldVector convert(FieldVector source, int rows, BufferAllocator allocator) {
        FieldVector target = field.createVector(allocator);
        try {
            switch (conversion) {
                case TIMESTAMP, TIME -> rescale(source, (BaseFixedWidthVector) target, rows);
                case DATE_MILLI -> copyDates((DateMilliVector) source, (DateDayVector) target, rows);
                case LARGE_VARIABLE ->
                        copyVariable((BaseLargeVariableWidthVector) source, (BaseVariableWidthVector) target, rows);
                case NONE -> throw new IllegalStateException("column " + field.getName() + " needs no conversion");
            }
            target.setValueCount(rows);
            return target;
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
    }

    /** Rescales timestamps or times (4- or 8-byte counts) into the 8-byte microsecond counts of {@code target}. */
    private void rescale(FieldVector source, BaseFixedWidthVector target, int rows) {
        target.allocateNew(rows);
        boolean wide = !(source.getField().getType() instanceof ArrowType.Time time) || time.getBitWidth() == 64;
        ArrowBuf values = source.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            if (!source.isNull(i)) {
                long raw = wide ? values.getLong((long) i * 8) : values.getInt((long) i * 4);
                long micros = divisor == 1 ? Math.multiplyExact(raw, multiplier) : Math.floorDiv(raw, divisor);
                target.getDataBuffer().setLong((long) i * 8, micros);
                BitVectorHelper.setBit(target.getValidityBuffer(), i);
            }
        }
    }

    private static void copyDates(DateMilliVector source, DateDayVector target, int rows) {
        target.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            if (source.isNull(i)) {
                target.setNull(i);
            } else {
                target.set(i, Math.toIntExact(Math.floorDiv(source.get(i), 86_400_000L)));
            }
        }
    }

    private static void copyVariable(BaseLargeVariableWidthVector source, BaseVariableWidthVector target, int rows) {
        target.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            if (source.isNull(i)) {
                target.setNull(i);
            } else {
                target.setSafe(i, source.get(i));
            }
        }
    }

    private static IpcColumn converted(Field field, ArrowType target, Conversion conversion, TimeUnit unit) {
        long micros = switch (unit) {
            case SECOND -> 1_000_000L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1L;
            case NANOSECOND -> -1_000L;
        };
        // positive: multiply up to micros; negative: divide down (nanoseconds truncate, as for Parquet)
        return micros > 0 ? new IpcColumn(retyped(field, target), conversion, micros, 1)
                : new IpcColumn(retyped(field, target), conversion, 1, -micros);
    }

    private static Field retyped(Field field, ArrowType type) {
        return new Field(field.getName(), new FieldType(field.isNullable(), type, null, field.getMetadata()), null);
    }

    private static boolean passesThrough(Field field) {
        if (field.getDictionary() != null) {
            return false;
        }
        ArrowType type = field.getType();
        boolean supported = switch (type.getTypeID()) {
            case Int -> ((ArrowType.Int) type).getIsSigned();
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() != FloatingPointPrecision.HALF;
            case Bool, Utf8, Binary, List, Struct, Map -> true;
            case Decimal -> ((ArrowType.Decimal) type).getBitWidth() == 128;
            case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY;
            case Time -> ((ArrowType.Time) type).getUnit() == TimeUnit.MICROSECOND;
            case Timestamp -> ((ArrowType.Timestamp) type).getUnit() == TimeUnit.MICROSECOND
                    && (((ArrowType.Timestamp) type).getTimezone() == null
                    || "UTC".equals(((ArrowType.Timestamp) type).getTimezone()));
            default -> false;
        };
        List<Field> children = field.getChildren();
        return supported && children.stream().allMatch(IpcColumn::passesThrough);
    }
}
