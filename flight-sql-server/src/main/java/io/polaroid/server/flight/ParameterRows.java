package io.polaroid.server.flight;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import io.polaroid.columnar.EpochTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

/**
 * Reads the parameter rows a client bound (a {@code DoPut} of Arrow batches) into the Java values
 * {@link io.polaroid.engine.api.SqlSession#execute} takes: one list per row, one value per column, in the
 * representation the session documents (Integer, Long, BigDecimal, String, byte[], LocalDate, LocalTime,
 * LocalDateTime for a timestamp without zone, Instant for one with a zone, ...).
 */
final class ParameterRows {
    private ParameterRows() {
    }

    /** Appends the rows of {@code root} to {@code rows}. */
    static void read(VectorSchemaRoot root, List<List<Object>> rows) {
        List<FieldVector> columns = root.getFieldVectors();
        for (int row = 0; row < root.getRowCount(); row++) {
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = value(columns.get(c), row);
            }
            rows.add(Arrays.asList(values));
        }
    }

    /** Reads every row of {@code root}. */
    static List<List<Object>> read(VectorSchemaRoot root) {
        List<List<Object>> rows = new ArrayList<>(root.getRowCount());
        read(root, rows);
        return rows;
    }

    static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ArrowType type = vector.getField().getType();
        switch (type.getTypeID()) {
            case Null:
                return null;
            case Bool:
            case FloatingPoint:
            case Decimal:
            case Binary:
            case LargeBinary:
            case FixedSizeBinary:
                return vector.getObject(row);
            case Int:
                return integer(vector, row);
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                Object text = vector.getObject(row);
                return text instanceof Text ? text.toString() : String.valueOf(text);
            case Date:
                return vector instanceof DateDayVector
                        ? LocalDate.ofEpochDay(((DateDayVector) vector).get(row))
                        : LocalDate.ofEpochDay(Math.floorDiv(((DateMilliVector) vector).get(row), 86_400_000L));
            case Time:
                return LocalTime.ofNanoOfDay(timeNanos(vector, row));
            case Timestamp:
                return timestamp((TimeStampVector) vector, (ArrowType.Timestamp) type, row);
            default:
                throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "parameter '"
                        + vector.getField().getName() + "' is of Arrow type " + type + ", which cannot be bound");
        }
    }

    private static Object integer(FieldVector vector, int row) {
        if (vector instanceof UInt1Vector) {
            return (short) UInt1Vector.getNoOverflow(((UInt1Vector) vector).getDataBuffer(), row);
        } else if (vector instanceof UInt2Vector) {
            return (int) ((UInt2Vector) vector).get(row);
        } else if (vector instanceof UInt4Vector) {
            return UInt4Vector.getNoOverflow(((UInt4Vector) vector).getDataBuffer(), row);
        } else if (vector instanceof UInt8Vector) {
            return new BigDecimal(UInt8Vector.getNoOverflow(((UInt8Vector) vector).getDataBuffer(), row));
        }
        return vector.getObject(row);  // Byte, Short, Integer or Long
    }

    private static long timeNanos(FieldVector vector, int row) {
        if (vector instanceof TimeSecVector) {
            return ((TimeSecVector) vector).get(row) * 1_000_000_000L;
        } else if (vector instanceof TimeMilliVector) {
            return ((TimeMilliVector) vector).get(row) * 1_000_000L;
        } else if (vector instanceof TimeMicroVector) {
            return ((TimeMicroVector) vector).get(row) * 1_000L;
        }
        return ((TimeNanoVector) vector).get(row);
    }

    private static Object timestamp(TimeStampVector vector, ArrowType.Timestamp type, int row) {
        long value = vector.get(row);
        Instant instant = EpochTimes.instant(value, type.getUnit());
        if (type.getTimezone() != null) {
            return instant;
        }
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }
}
