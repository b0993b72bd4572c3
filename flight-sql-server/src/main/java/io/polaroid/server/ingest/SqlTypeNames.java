package io.polaroid.server.ingest;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The Arrow type of a column declared in a client's {@code CREATE TABLE}: the SQL type names of the
 * dialect ({@code INTEGER}, {@code VARCHAR}, {@code TIMESTAMP WITH TIME ZONE}, ...) and the common
 * spellings other databases and ADBC's default type mapping use ({@code INT}, {@code CLOB}, {@code TEXT},
 * {@code TIMESTAMPTZ}). The result follows the system's conventions: timestamps and times in
 * microseconds, zoned timestamps in UTC, decimals 128 bits wide.
 */
final class SqlTypeNames {
    private static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    private static final ArrowType TIMESTAMP_TZ = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
    private static final int MAX_DECIMAL_PRECISION = 38;

    private static final Map<String, ArrowType> SIMPLE = Map.ofEntries(
            Map.entry("BOOLEAN", ArrowType.Bool.INSTANCE),
            Map.entry("BOOL", ArrowType.Bool.INSTANCE),
            Map.entry("TINYINT", new ArrowType.Int(8, true)),
            Map.entry("SMALLINT", new ArrowType.Int(16, true)),
            Map.entry("INT2", new ArrowType.Int(16, true)),
            Map.entry("INT", new ArrowType.Int(32, true)),
            Map.entry("INTEGER", new ArrowType.Int(32, true)),
            Map.entry("INT4", new ArrowType.Int(32, true)),
            Map.entry("BIGINT", new ArrowType.Int(64, true)),
            Map.entry("INT8", new ArrowType.Int(64, true)),
            Map.entry("REAL", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            Map.entry("FLOAT4", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            Map.entry("DOUBLE", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Map.entry("DOUBLE PRECISION", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Map.entry("FLOAT", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Map.entry("FLOAT8", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Map.entry("VARCHAR", ArrowType.Utf8.INSTANCE),
            Map.entry("CHAR", ArrowType.Utf8.INSTANCE),
            Map.entry("CHARACTER", ArrowType.Utf8.INSTANCE),
            Map.entry("CHARACTER VARYING", ArrowType.Utf8.INSTANCE),
            Map.entry("TEXT", ArrowType.Utf8.INSTANCE),
            Map.entry("STRING", ArrowType.Utf8.INSTANCE),
            Map.entry("CLOB", ArrowType.Utf8.INSTANCE),
            Map.entry("VARBINARY", ArrowType.Binary.INSTANCE),
            Map.entry("BINARY", ArrowType.Binary.INSTANCE),
            Map.entry("BINARY VARYING", ArrowType.Binary.INSTANCE),
            Map.entry("BLOB", ArrowType.Binary.INSTANCE),
            Map.entry("BYTEA", ArrowType.Binary.INSTANCE),
            Map.entry("DATE", new ArrowType.Date(DateUnit.DAY)),
            Map.entry("TIME", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
            Map.entry("TIME WITHOUT TIME ZONE", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
            Map.entry("TIMESTAMP", TIMESTAMP),
            Map.entry("DATETIME", TIMESTAMP),
            Map.entry("TIMESTAMP WITHOUT TIME ZONE", TIMESTAMP),
            Map.entry("TIMESTAMP WITH TIME ZONE", TIMESTAMP_TZ),
            Map.entry("TIMESTAMP WITH LOCAL TIME ZONE", TIMESTAMP_TZ),
            Map.entry("TIMESTAMPTZ", TIMESTAMP_TZ));

    private SqlTypeNames() {
    }

    /**
     * The Arrow type of {@code words} (the type name, one word per element, upper or lower case) with the
     * numbers in its parentheses ({@code VARCHAR(20)}: a length, ignored; {@code DECIMAL(10, 2)}: precision
     * and scale; {@code TIMESTAMP(3)}: a fraction precision, ignored, values keep microseconds).
     *
     * @throws PolaroidException 0A000 for a type the system does not store
     */
    static ArrowType toArrow(List<String> words, List<Integer> arguments) {
        String name = String.join(" ", words).toUpperCase(Locale.ROOT);
        if (name.equals("DECIMAL") || name.equals("NUMERIC") || name.equals("DEC")) {
            int precision = arguments.isEmpty() ? MAX_DECIMAL_PRECISION : arguments.get(0);
            int scale = arguments.size() > 1 ? arguments.get(1) : 0;
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid " + name + "(" + precision
                        + ", " + scale + "): the precision must be 1 to " + MAX_DECIMAL_PRECISION
                        + " and the scale 0 to the precision");
            }
            return new ArrowType.Decimal(precision, scale, 128);
        }
        ArrowType type = SIMPLE.get(name);
        if (type == null) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "column type " + name + " is not supported;"
                    + " use BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL(p, s), VARCHAR,"
                    + " VARBINARY, DATE, TIME, TIMESTAMP or TIMESTAMP WITH TIME ZONE");
        }
        return type;
    }
}
