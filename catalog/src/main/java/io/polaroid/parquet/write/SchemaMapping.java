package io.polaroid.parquet.write;

import io.polaroid.parquet.ParquetTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.NanoSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeType;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;

/**
 * The writer's Arrow → Parquet mapping for flat schemas, the inverse of the reader's: every type reads back as
 * itself (times and timestamps at microsecond precision, nanosecond timestamps as nanoseconds).
 */
final class SchemaMapping {
    private SchemaMapping() {
    }

    /** One spec per field, in order; throws IllegalArgumentException naming a field the writer cannot store. */
    static List<ColumnSpec> columns(List<Field> fields) {
        List<ColumnSpec> specs = new ArrayList<>(fields.size());
        for (Field field : fields) {
            specs.add(column(field));
        }
        return specs;
    }

    /** The schema elements: the root, then one per column. */
    static List<SchemaElement> schemaElements(List<ColumnSpec> columns) {
        List<SchemaElement> elements = new ArrayList<>(columns.size() + 1);
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(columns.size());
        elements.add(root);
        for (ColumnSpec column : columns) {
            elements.add(column.element());
        }
        return elements;
    }

    private static ColumnSpec column(Field field) {
        if (!field.getChildren().isEmpty()) {
            throw new IllegalArgumentException("column '" + field.getName() + "' is " + field.getType()
                    + "; the writer stores flat schemas only");
        }
        SchemaElement element = new SchemaElement(field.getName());
        element.setRepetition_type(field.isNullable() ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
        ArrowType type = field.getType();
        ValueSource source;
        int typeLength = 0;
        if (type instanceof ArrowType.Bool) {
            element.setType(Type.BOOLEAN);
            source = ValueSource.BOOL;
        } else if (type instanceof ArrowType.Int integer && integer.getIsSigned()) {
            int bits = integer.getBitWidth();
            element.setType(bits == 64 ? Type.INT64 : Type.INT32);
            element.setLogicalType(LogicalType.INTEGER(new IntType((byte) bits, true)));
            if (bits == 8) {
                element.setConverted_type(ConvertedType.INT_8);
            } else if (bits == 16) {
                element.setConverted_type(ConvertedType.INT_16);
            }
            source = switch (bits) {
                case 8 -> ValueSource.INT8;
                case 16 -> ValueSource.INT16;
                case 32 -> ValueSource.INT32;
                default -> ValueSource.INT64;
            };
        } else if (type instanceof ArrowType.FloatingPoint floating) {
            switch (floating.getPrecision()) {
                case SINGLE -> {
                    element.setType(Type.FLOAT);
                    source = ValueSource.FLOAT4_BITS;
                }
                case DOUBLE -> {
                    element.setType(Type.DOUBLE);
                    source = ValueSource.FLOAT8_BITS;
                }
                default -> throw unsupported(field);
            }
        } else if (type instanceof ArrowType.Decimal decimal && decimal.getBitWidth() == 128
                && decimal.getPrecision() <= ParquetTypes.MAX_DECIMAL_PRECISION) {
            int precision = decimal.getPrecision();
            element.setLogicalType(LogicalType.DECIMAL(new DecimalType(decimal.getScale(), precision)));
            element.setConverted_type(ConvertedType.DECIMAL);
            element.setPrecision(precision);
            element.setScale(decimal.getScale());
            if (precision <= 9) {
                element.setType(Type.INT32);
                source = ValueSource.DECIMAL_LONG;
            } else if (precision <= 18) {
                element.setType(Type.INT64);
                source = ValueSource.DECIMAL_LONG;
            } else {
                typeLength = decimalBytes(precision);
                element.setType(Type.FIXED_LEN_BYTE_ARRAY);
                element.setType_length(typeLength);
                source = ValueSource.DECIMAL_FIXED;
            }
        } else if (type instanceof ArrowType.Utf8) {
            element.setType(Type.BYTE_ARRAY);
            element.setLogicalType(LogicalType.STRING(new StringType()));
            element.setConverted_type(ConvertedType.UTF8);
            source = ValueSource.VARIABLE_WIDTH;
        } else if (type instanceof ArrowType.Binary) {
            element.setType(Type.BYTE_ARRAY);
            source = ValueSource.VARIABLE_WIDTH;
        } else if (type instanceof ArrowType.Date date) {
            element.setType(Type.INT32);
            element.setLogicalType(LogicalType.DATE(new DateType()));
            element.setConverted_type(ConvertedType.DATE);
            source = date.getUnit() == DateUnit.DAY ? ValueSource.DATE_DAY : ValueSource.DATE_MILLI;
        } else if (type instanceof ArrowType.Time time) {
            element.setType(Type.INT64);
            element.setLogicalType(LogicalType.TIME(new TimeType(false, micros())));
            source = switch (time.getUnit()) {
                case SECOND -> ValueSource.TIME_SECOND;
                case MILLISECOND -> ValueSource.TIME_MILLI;
                case MICROSECOND -> ValueSource.TIME_MICRO;
                case NANOSECOND -> ValueSource.TIME_NANO;
            };
        } else if (type instanceof ArrowType.Timestamp timestamp) {
            boolean utc = timestamp.getTimezone() != null;
            boolean nanos = timestamp.getUnit() == TimeUnit.NANOSECOND;
            element.setType(Type.INT64);
            org.apache.parquet.format.TimeUnit unit = nanos
                    ? org.apache.parquet.format.TimeUnit.NANOS(new NanoSeconds()) : micros();
            element.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(utc, unit)));
            if (utc && !nanos) {
                // The legacy converted type means an instant, so it only describes UTC-adjusted columns.
                element.setConverted_type(ConvertedType.TIMESTAMP_MICROS);
            }
            source = switch (timestamp.getUnit()) {
                case SECOND -> ValueSource.TIMESTAMP_SECOND;
                case MILLISECOND -> ValueSource.TIMESTAMP_MILLI;
                case MICROSECOND -> ValueSource.TIMESTAMP_MICRO;
                case NANOSECOND -> ValueSource.TIMESTAMP_NANO;
            };
        } else {
            throw unsupported(field);
        }
        return new ColumnSpec(field, element, source, typeLength);
    }

    private static org.apache.parquet.format.TimeUnit micros() {
        return org.apache.parquet.format.TimeUnit.MICROS(new MicroSeconds());
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int decimalBytes(int precision) {
        java.math.BigInteger max = java.math.BigInteger.TEN.pow(precision);
        int bytes = 1;
        while (java.math.BigInteger.ONE.shiftLeft(8 * bytes - 1).compareTo(max) < 0) {
            bytes++;
        }
        return bytes;
    }

    private static IllegalArgumentException unsupported(Field field) {
        return new IllegalArgumentException("column '" + field.getName() + "' has type " + field.getType()
                + ", which the Parquet writer does not store");
    }
}
