package io.polaroid.parquet.schema;

import io.polaroid.parquet.ParquetTypes;
import io.polaroid.parquet.format.CorruptDataException;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * The Parquet → Arrow mapping of primitive columns (see the team brief): from a schema element's physical
 * type, logical type and legacy converted type to a {@link LogicalKind} and an Arrow type.
 */
final class PrimitiveTypeMapping {
    private static final ArrowType BOOL = ArrowType.Bool.INSTANCE;
    private static final ArrowType INT8 = new ArrowType.Int(8, true);
    private static final ArrowType INT16 = new ArrowType.Int(16, true);
    private static final ArrowType INT32 = new ArrowType.Int(32, true);
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType FLOAT4 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    private static final ArrowType FLOAT8 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
    private static final ArrowType TIME = new ArrowType.Time(TimeUnit.MICROSECOND, 64);
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType BINARY = ArrowType.Binary.INSTANCE;
    private static final ArrowType UINT64_DECIMAL = new ArrowType.Decimal(20, 0, 128);

    /** Kind and Arrow type of one primitive column, with decimal parameters. */
    record Mapping(LogicalKind kind, ArrowType arrowType, int precision, int scale) {
        static Mapping of(LogicalKind kind, ArrowType arrowType) {
            return new Mapping(kind, arrowType, 0, 0);
        }
    }

    private PrimitiveTypeMapping() {
    }

    static Mapping map(SchemaElement element) {
        Type physical = element.getType();
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        if (isDecimal(logical, converted) && physical != Type.BOOLEAN && physical != Type.FLOAT
                && physical != Type.DOUBLE && physical != Type.INT96) {
            return decimal(element, logical);
        }
        return switch (physical) {
            case BOOLEAN -> Mapping.of(LogicalKind.BOOLEAN, BOOL);
            case INT32 -> int32(logical, converted);
            case INT64 -> int64(logical, converted);
            case INT96 -> Mapping.of(LogicalKind.INT96_TIMESTAMP, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
            case FLOAT -> Mapping.of(LogicalKind.FLOAT, FLOAT4);
            case DOUBLE -> Mapping.of(LogicalKind.DOUBLE, FLOAT8);
            case BYTE_ARRAY -> isString(logical, converted)
                    ? Mapping.of(LogicalKind.STRING, UTF8) : Mapping.of(LogicalKind.BINARY, BINARY);
            case FIXED_LEN_BYTE_ARRAY -> fixedLength(element, logical, converted);
        };
    }

    private static boolean isDecimal(LogicalType logical, ConvertedType converted) {
        return logical != null ? logical.isSetDECIMAL() : converted == ConvertedType.DECIMAL;
    }

    private static boolean isString(LogicalType logical, ConvertedType converted) {
        if (logical != null && (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON())) {
            return true;
        }
        return converted == ConvertedType.UTF8 || converted == ConvertedType.ENUM || converted == ConvertedType.JSON;
    }

    private static Mapping int32(LogicalType logical, ConvertedType converted) {
        if (logical != null) {
            if (logical.isSetINTEGER()) {
                return integer(logical.getINTEGER().getBitWidth(), logical.getINTEGER().isIsSigned(), false);
            }
            if (logical.isSetDATE()) {
                return Mapping.of(LogicalKind.DATE, DATE);
            }
            if (logical.isSetTIME() && logical.getTIME().getUnit().isSetMILLIS()) {
                return Mapping.of(LogicalKind.TIME_MILLIS, TIME);
            }
            return Mapping.of(LogicalKind.SIGNED_INT, INT32);
        }
        if (converted == null) {
            return Mapping.of(LogicalKind.SIGNED_INT, INT32);
        }
        return switch (converted) {
            case INT_8 -> integer(8, true, false);
            case INT_16 -> integer(16, true, false);
            case UINT_8 -> integer(8, false, false);
            case UINT_16 -> integer(16, false, false);
            case UINT_32 -> integer(32, false, false);
            case DATE -> Mapping.of(LogicalKind.DATE, DATE);
            case TIME_MILLIS -> Mapping.of(LogicalKind.TIME_MILLIS, TIME);
            default -> Mapping.of(LogicalKind.SIGNED_INT, INT32);
        };
    }

    private static Mapping int64(LogicalType logical, ConvertedType converted) {
        if (logical != null) {
            if (logical.isSetINTEGER()) {
                return integer(64, logical.getINTEGER().isIsSigned(), true);
            }
            if (logical.isSetTIME()) {
                var unit = logical.getTIME().getUnit();
                return Mapping.of(unit.isSetNANOS() ? LogicalKind.TIME_NANOS
                        : unit.isSetMILLIS() ? LogicalKind.TIME_MILLIS : LogicalKind.TIME_MICROS, TIME);
            }
            if (logical.isSetTIMESTAMP()) {
                var timestamp = logical.getTIMESTAMP();
                var unit = timestamp.getUnit();
                LogicalKind kind = unit.isSetMILLIS() ? LogicalKind.TIMESTAMP_MILLIS
                        : unit.isSetNANOS() ? LogicalKind.TIMESTAMP_NANOS : LogicalKind.TIMESTAMP_MICROS;
                return Mapping.of(kind, timestamp(timestamp.isIsAdjustedToUTC()));
            }
            return Mapping.of(LogicalKind.SIGNED_INT, INT64);
        }
        if (converted == null) {
            return Mapping.of(LogicalKind.SIGNED_INT, INT64);
        }
        return switch (converted) {
            case UINT_64 -> integer(64, false, true);
            case TIME_MICROS -> Mapping.of(LogicalKind.TIME_MICROS, TIME);
            // The legacy converted types mean instants (isAdjustedToUTC = true) by the format's definition.
            case TIMESTAMP_MILLIS -> Mapping.of(LogicalKind.TIMESTAMP_MILLIS, timestamp(true));
            case TIMESTAMP_MICROS -> Mapping.of(LogicalKind.TIMESTAMP_MICROS, timestamp(true));
            default -> Mapping.of(LogicalKind.SIGNED_INT, INT64);
        };
    }

    private static ArrowType timestamp(boolean adjustedToUtc) {
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, adjustedToUtc ? "UTC" : null);
    }

    private static Mapping integer(int bitWidth, boolean signed, boolean physicalInt64) {
        if (physicalInt64) {
            return signed ? Mapping.of(LogicalKind.SIGNED_INT, INT64)
                    : new Mapping(LogicalKind.UNSIGNED_INT64, UINT64_DECIMAL, 20, 0);
        }
        if (signed) {
            return Mapping.of(LogicalKind.SIGNED_INT, bitWidth == 8 ? INT8 : bitWidth == 16 ? INT16 : INT32);
        }
        // UINT_8 and UINT_16 values are non-negative 32-bit ints: they narrow into the next wider signed type.
        return switch (bitWidth) {
            case 8 -> Mapping.of(LogicalKind.SIGNED_INT, INT16);
            case 16 -> Mapping.of(LogicalKind.SIGNED_INT, INT32);
            default -> Mapping.of(LogicalKind.UNSIGNED_INT32, INT64);
        };
    }

    private static Mapping fixedLength(SchemaElement element, LogicalType logical, ConvertedType converted) {
        int length = element.getType_length();
        if (logical != null && logical.isSetUUID() && length == 16) {
            return Mapping.of(LogicalKind.UUID, UTF8);
        }
        if (logical != null && logical.isSetFLOAT16() && length == 2) {
            return Mapping.of(LogicalKind.FLOAT16, FLOAT4);
        }
        return Mapping.of(LogicalKind.BINARY, BINARY);
    }

    private static Mapping decimal(SchemaElement element, LogicalType logical) {
        int precision;
        int scale;
        if (logical != null) {
            precision = logical.getDECIMAL().getPrecision();
            scale = logical.getDECIMAL().getScale();
        } else {
            precision = element.isSetPrecision() ? element.getPrecision() : 0;
            scale = element.isSetScale() ? element.getScale() : 0;
        }
        CorruptDataException.check(precision > 0 && scale >= 0 && scale <= precision,
                "invalid decimal(" + precision + ", " + scale + ") for column " + element.getName());
        if (precision > ParquetTypes.MAX_DECIMAL_PRECISION) {
            return new Mapping(LogicalKind.DECIMAL_AS_DOUBLE, FLOAT8, precision, scale);
        }
        return new Mapping(LogicalKind.DECIMAL, new ArrowType.Decimal(precision, scale, 128), precision, scale);
    }
}
