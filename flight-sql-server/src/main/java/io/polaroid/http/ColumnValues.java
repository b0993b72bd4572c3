package io.polaroid.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads one column of a batch as JSON values or CSV text, with one reader chosen per column and batch
 * (no per-value type dispatch). The text forms are ISO 8601 for temporal values (a timestamp with a time
 * zone as a UTC instant ending in {@code Z}), base64 for binary, the shortest round-tripping decimal for
 * floating point; in JSON, integers, decimals and finite floats are numbers, {@code NaN} and infinities
 * (which JSON numbers cannot hold) strings, nested values (lists, structs, maps) JSON arrays and objects.
 */
abstract class ColumnValues {
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

    final FieldVector vector;

    private ColumnValues(FieldVector vector) {
        this.vector = vector;
    }

    /** The reader for {@code vector}'s type. */
    static ColumnValues of(FieldVector vector) {
        ArrowType type = vector.getField().getType();
        switch (type.getTypeID()) {
            case Int:
                return vector instanceof UInt8Vector ? new Unsigned64(vector) : new Integers(vector);
            case FloatingPoint:
                return vector instanceof Float4Vector ? new Floats(vector) : new Doubles(vector);
            case Decimal:
                return new Decimals(vector);
            case Bool:
                return new Booleans(vector);
            case Utf8:
                return vector instanceof VarCharVector ? new Strings(vector) : new Other(vector);
            case Binary:
                return vector instanceof VarBinaryVector ? new Binaries(vector) : new Other(vector);
            case Date:
                return new Dates(vector);
            case Time:
                return vector instanceof TimeMicroVector ? new Times(vector) : new Other(vector);
            case Timestamp:
                return new Timestamps(vector, (ArrowType.Timestamp) type);
            case Null:
                return new Nulls(vector);
            case List:
            case LargeList:
            case FixedSizeList:
            case Struct:
            case Map:
                return new Nested(vector);
            default:
                return new Other(vector);
        }
    }

    final boolean isNull(int row) {
        return vector.isNull(row);
    }

    /** Writes the non-null value at {@code row}. */
    abstract void writeJson(JsonGenerator json, int row) throws IOException;

    /** The non-null value at {@code row} as text. */
    abstract String text(int row);

    /** Whether the CSV text may need quoting (holds arbitrary characters). Numbers never do. */
    boolean mayNeedQuotes() {
        return true;
    }

    private abstract static class TextValues extends ColumnValues {
        TextValues(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeString(text(row));
        }
    }

    private static final class Integers extends ColumnValues {
        private final BaseIntVector ints;

        Integers(FieldVector vector) {
            super(vector);
            this.ints = (BaseIntVector) vector;
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeNumber(ints.getValueAsLong(row));
        }

        @Override
        String text(int row) {
            return Long.toString(ints.getValueAsLong(row));
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Unsigned64 extends ColumnValues {
        Unsigned64(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeNumber(new java.math.BigInteger(text(row)));
        }

        @Override
        String text(int row) {
            return Long.toUnsignedString(((UInt8Vector) vector).get(row));
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Floats extends ColumnValues {
        Floats(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            float value = ((Float4Vector) vector).get(row);
            if (Float.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(Float.toString(value));
            }
        }

        @Override
        String text(int row) {
            return Float.toString(((Float4Vector) vector).get(row));
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Doubles extends ColumnValues {
        Doubles(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            double value = ((Float8Vector) vector).get(row);
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeString(Double.toString(value));
            }
        }

        @Override
        String text(int row) {
            return Double.toString(((Float8Vector) vector).get(row));
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Decimals extends ColumnValues {
        Decimals(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeNumber(((DecimalVector) vector).getObject(row));
        }

        @Override
        String text(int row) {
            return ((DecimalVector) vector).getObject(row).toPlainString();
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Booleans extends ColumnValues {
        Booleans(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeBoolean(((BitVector) vector).get(row) != 0);
        }

        @Override
        String text(int row) {
            return ((BitVector) vector).get(row) != 0 ? "true" : "false";
        }

        @Override
        boolean mayNeedQuotes() {
            return false;
        }
    }

    private static final class Strings extends ColumnValues {
        Strings(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            byte[] utf8 = ((VarCharVector) vector).get(row);
            json.writeUTF8String(utf8, 0, utf8.length);  // no decode to a String and back
        }

        @Override
        String text(int row) {
            return new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
        }
    }

    private static final class Binaries extends TextValues {
        Binaries(FieldVector vector) {
            super(vector);
        }

        @Override
        String text(int row) {
            return Base64.getEncoder().encodeToString(((VarBinaryVector) vector).get(row));
        }
    }

    private static final class Dates extends TextValues {
        Dates(FieldVector vector) {
            super(vector);
        }

        @Override
        String text(int row) {
            long days = vector instanceof DateDayVector ? ((DateDayVector) vector).get(row)
                    : Math.floorDiv(((DateMilliVector) vector).get(row), 86_400_000L);
            return LocalDate.ofEpochDay(days).toString();
        }
    }

    private static final class Times extends TextValues {
        Times(FieldVector vector) {
            super(vector);
        }

        @Override
        String text(int row) {
            return LocalTime.ofNanoOfDay(((TimeMicroVector) vector).get(row) * 1_000L).format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
    }

    private static final class Timestamps extends TextValues {
        private final long unitsPerSecond;
        private final boolean zoned;

        Timestamps(FieldVector vector, ArrowType.Timestamp type) {
            super(vector);
            this.unitsPerSecond = unitsPerSecond(type.getUnit());
            this.zoned = type.getTimezone() != null;
        }

        @Override
        String text(int row) {
            long value = ((TimeStampVector) vector).get(row);
            long seconds = Math.floorDiv(value, unitsPerSecond);
            int nanos = (int) (Math.floorMod(value, unitsPerSecond) * (1_000_000_000L / unitsPerSecond));
            return zoned ? INSTANT.format(Instant.ofEpochSecond(seconds, nanos))
                    : LOCAL_DATE_TIME.format(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
        }

        private static long unitsPerSecond(TimeUnit unit) {
            switch (unit) {
                case SECOND:
                    return 1;
                case MILLISECOND:
                    return 1_000;
                case MICROSECOND:
                    return 1_000_000;
                default:
                    return 1_000_000_000;
            }
        }
    }

    private static final class Nulls extends ColumnValues {
        Nulls(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeNull();
        }

        @Override
        String text(int row) {
            return "";
        }
    }

    /** Lists, structs and maps: Arrow's own JSON rendering of the value (JsonStringArrayList/HashMap). */
    private static final class Nested extends ColumnValues {
        Nested(FieldVector vector) {
            super(vector);
        }

        @Override
        void writeJson(JsonGenerator json, int row) throws IOException {
            json.writeRawValue(text(row));
        }

        @Override
        String text(int row) {
            return String.valueOf(vector.getObject(row));
        }
    }

    /** Intervals, durations and anything rarer: the value's own text. */
    private static final class Other extends TextValues {
        Other(FieldVector vector) {
            super(vector);
        }

        @Override
        String text(int row) {
            return String.valueOf(vector.getObject(row));
        }
    }
}
