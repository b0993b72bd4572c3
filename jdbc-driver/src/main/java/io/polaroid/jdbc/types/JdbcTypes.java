package io.polaroid.jdbc.types;

import io.polaroid.engine.api.ColumnMetadata;
import java.sql.Types;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The one mapping from Arrow types to JDBC types, used for result columns, parameters and
 * {@code getColumns}. The Flight SQL server reuses it (for {@code GetXdbcTypeInfo} and
 * {@code ARROW:FLIGHT:SQL:*} metadata), so a column looks the same in every mode.
 *
 * <p>Sizes follow the JDBC rules for {@code COLUMN_SIZE}: maximum decimal digits for numbers (REAL 7,
 * DOUBLE 15, as the engine's type system counts them), characters of the printed form for date and
 * time types, {@link JdbcType#UNBOUNDED} for strings and binary values without a length. When a field
 * carries {@link ColumnMetadata} keys (type name, precision, scale), they win over what the Arrow type
 * alone implies: the engine knows, for example, that a column was cast to {@code VARCHAR(20)}. A
 * precision of 0 in the metadata means "no declared length" and keeps the derived size.
 */
public final class JdbcTypes {
    private static final String TIMESTAMP_TZ_NAME = "TIMESTAMP WITH TIME ZONE";
    private static final Mapper MAPPER = new Mapper();

    private JdbcTypes() {
    }

    /** The JDBC view of {@code field}, honouring its {@link ColumnMetadata} keys. */
    public static JdbcType of(Field field) {
        Objects.requireNonNull(field, "field");
        JdbcType derived = field.getType().accept(MAPPER);
        return withMetadata(derived, field.getMetadata());
    }

    /** Whether values of {@code type} denote instants (a timestamp with a time zone). */
    public static boolean isInstant(ArrowType type) {
        return type instanceof ArrowType.Timestamp && ((ArrowType.Timestamp) type).getTimezone() != null;
    }

    private static JdbcType withMetadata(JdbcType type, Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return type;
        }
        String name = metadata.getOrDefault(ColumnMetadata.TYPE_NAME, type.typeName());
        int precision = intOr(metadata.get(ColumnMetadata.PRECISION), type.precision());
        if (precision == 0) {
            precision = type.precision();
        }
        int scale = intOr(metadata.get(ColumnMetadata.SCALE), type.scale());
        if (name.equals(type.typeName()) && precision == type.precision() && scale == type.scale()) {
            return type;
        }
        int displaySize = precision == type.precision() ? type.displaySize()
                : displaySizeFor(type.sqlType(), precision, scale, type.displaySize());
        return new JdbcType(type.sqlType(), name, precision, scale, type.radix(), displaySize,
                type.signed(), type.caseSensitive(), type.className());
    }

    private static int displaySizeFor(int sqlType, int precision, int scale, int fallback) {
        switch (sqlType) {
            case Types.DECIMAL:
            case Types.NUMERIC:
                return decimalDisplaySize(precision, scale);
            case Types.VARCHAR:
            case Types.CHAR:
                return precision;
            case Types.VARBINARY:
            case Types.BINARY:
                return precision >= JdbcType.UNBOUNDED / 2 ? JdbcType.UNBOUNDED : precision * 2;
            default:
                return fallback;
        }
    }

    private static int intOr(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value < 0 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int decimalDisplaySize(int precision, int scale) {
        // sign, digits, and a decimal point when there is a fraction
        return precision + 1 + (scale > 0 ? 1 : 0);
    }

    /** Digits after the seconds for a time unit: 0, 3, 6 or 9. */
    static int fractionDigits(TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return 0;
            case MILLISECOND:
                return 3;
            case MICROSECOND:
                return 6;
            case NANOSECOND:
                return 9;
            default:
                throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }

    private static JdbcType simple(int sqlType, String name, int precision, int displaySize, Class<?> javaClass) {
        return new JdbcType(sqlType, name, precision, 0, 0, displaySize, false, false, javaClass.getName());
    }

    private static JdbcType integer(int sqlType, String name, int digits, Class<?> javaClass) {
        return new JdbcType(sqlType, name, digits, 0, 10, digits + 1, true, false, javaClass.getName());
    }

    private static JdbcType text(String name) {
        return new JdbcType(Types.VARCHAR, name, JdbcType.UNBOUNDED, 0, 0, JdbcType.UNBOUNDED, false, true,
                String.class.getName());
    }

    private static JdbcType binary(int sqlType, String name, int length) {
        int display = length == JdbcType.UNBOUNDED ? JdbcType.UNBOUNDED : length * 2;
        return new JdbcType(sqlType, name, length, 0, 0, display, false, false, byte[].class.getName());
    }

    /**
     * Walks every Arrow type. Names are the ones the engine gives result columns (its
     * {@code ColumnMetadata.TYPE_NAME}), so a column reads the same whether or not its field carries
     * that key: nested types are plain {@code ARRAY}, {@code STRUCT}, {@code MAP}, intervals
     * {@code INTERVAL}.
     */
    private static final class Mapper implements ArrowType.ArrowTypeVisitor<JdbcType> {

        @Override
        public JdbcType visit(ArrowType.Null type) {
            return simple(Types.NULL, "NULL", 0, 4, Object.class);
        }

        @Override
        public JdbcType visit(ArrowType.Struct type) {
            return simple(Types.STRUCT, "STRUCT", 0, JdbcType.UNBOUNDED, java.sql.Struct.class);
        }

        @Override
        public JdbcType visit(ArrowType.List type) {
            return array();
        }

        @Override
        public JdbcType visit(ArrowType.LargeList type) {
            return array();
        }

        @Override
        public JdbcType visit(ArrowType.FixedSizeList type) {
            return array();
        }

        @Override
        public JdbcType visit(ArrowType.ListView type) {
            return array();
        }

        @Override
        public JdbcType visit(ArrowType.LargeListView type) {
            return array();
        }

        private JdbcType array() {
            return simple(Types.ARRAY, "ARRAY", 0, JdbcType.UNBOUNDED, java.sql.Array.class);
        }

        @Override
        public JdbcType visit(ArrowType.Map type) {
            return simple(Types.OTHER, "MAP", 0, JdbcType.UNBOUNDED, Map.class);
        }

        @Override
        public JdbcType visit(ArrowType.Union type) {
            return simple(Types.OTHER, "UNION", 0, JdbcType.UNBOUNDED, Object.class);
        }

        @Override
        public JdbcType visit(ArrowType.Int type) {
            // Unsigned integers (sent by other Flight SQL servers) widen to the next signed type, as the
            // Parquet mapping of the whole system does.
            int bits = type.getBitWidth();
            boolean signed = type.getIsSigned();
            // JDBC maps TINYINT and SMALLINT to Integer for getObject (JDBC 4.3, table B-3).
            if (bits == 8 && signed) {
                return integer(Types.TINYINT, "TINYINT", 3, Integer.class);
            }
            if (bits == 16 && signed || bits == 8) {
                return integer(Types.SMALLINT, "SMALLINT", 5, Integer.class);
            }
            if (bits == 32 && signed || bits == 16) {
                return integer(Types.INTEGER, "INTEGER", 10, Integer.class);
            }
            if (bits == 64 && signed || bits == 32) {
                return integer(Types.BIGINT, "BIGINT", 19, Long.class);
            }
            return new JdbcType(Types.DECIMAL, "DECIMAL", 20, 0, 10, 20, false, false,
                    java.math.BigDecimal.class.getName());
        }

        @Override
        public JdbcType visit(ArrowType.FloatingPoint type) {
            if (type.getPrecision() == FloatingPointPrecision.DOUBLE) {
                return new JdbcType(Types.DOUBLE, "DOUBLE", 15, 0, 10, 24, true, false, Double.class.getName());
            }
            return new JdbcType(Types.REAL, "REAL", 7, 0, 10, 15, true, false, Float.class.getName());
        }

        @Override
        public JdbcType visit(ArrowType.Utf8 type) {
            return text("VARCHAR");
        }

        @Override
        public JdbcType visit(ArrowType.Utf8View type) {
            return text("VARCHAR");
        }

        @Override
        public JdbcType visit(ArrowType.LargeUtf8 type) {
            return text("VARCHAR");
        }

        @Override
        public JdbcType visit(ArrowType.Binary type) {
            return binary(Types.VARBINARY, "VARBINARY", JdbcType.UNBOUNDED);
        }

        @Override
        public JdbcType visit(ArrowType.BinaryView type) {
            return binary(Types.VARBINARY, "VARBINARY", JdbcType.UNBOUNDED);
        }

        @Override
        public JdbcType visit(ArrowType.LargeBinary type) {
            return binary(Types.VARBINARY, "VARBINARY", JdbcType.UNBOUNDED);
        }

        @Override
        public JdbcType visit(ArrowType.FixedSizeBinary type) {
            return binary(Types.BINARY, "BINARY", type.getByteWidth());
        }

        @Override
        public JdbcType visit(ArrowType.Bool type) {
            return simple(Types.BOOLEAN, "BOOLEAN", 1, 5, Boolean.class);
        }

        @Override
        public JdbcType visit(ArrowType.Decimal type) {
            int precision = type.getPrecision();
            int scale = Math.max(0, type.getScale());
            return new JdbcType(Types.DECIMAL, "DECIMAL", precision, scale, 10,
                    decimalDisplaySize(precision, scale), true, false, java.math.BigDecimal.class.getName());
        }

        @Override
        public JdbcType visit(ArrowType.Date type) {
            return simple(Types.DATE, "DATE", 10, 10, java.sql.Date.class);
        }

        @Override
        public JdbcType visit(ArrowType.Time type) {
            int digits = fractionDigits(type.getUnit());
            int size = 8 + (digits == 0 ? 0 : digits + 1);
            return new JdbcType(Types.TIME, "TIME", size, digits, 0, size, false, false, java.sql.Time.class.getName());
        }

        @Override
        public JdbcType visit(ArrowType.Timestamp type) {
            int digits = fractionDigits(type.getUnit());
            int size = 19 + (digits == 0 ? 0 : digits + 1);
            if (type.getTimezone() == null) {
                return new JdbcType(Types.TIMESTAMP, "TIMESTAMP", size, digits, 0, size, false, false,
                        java.sql.Timestamp.class.getName());
            }
            // printed with an offset such as +00:00
            return new JdbcType(Types.TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_TZ_NAME, size + 6, digits, 0, size + 6,
                    false, false, java.time.OffsetDateTime.class.getName());
        }

        @Override
        public JdbcType visit(ArrowType.Interval type) {
            Class<?> javaClass;
            switch (type.getUnit()) {
                case YEAR_MONTH:
                    javaClass = java.time.Period.class;
                    break;
                case DAY_TIME:
                    javaClass = java.time.Duration.class;
                    break;
                default:
                    javaClass = org.apache.arrow.vector.PeriodDuration.class;
            }
            return simple(Types.OTHER, "INTERVAL", 0, JdbcType.UNBOUNDED, javaClass);
        }

        @Override
        public JdbcType visit(ArrowType.Duration type) {
            return simple(Types.OTHER, "INTERVAL", 0, JdbcType.UNBOUNDED, java.time.Duration.class);
        }

        @Override
        public JdbcType visit(ArrowType.RunEndEncoded type) {
            return simple(Types.OTHER, type.toString(), 0, JdbcType.UNBOUNDED, Object.class);
        }

        @Override
        public JdbcType visit(ArrowType.ExtensionType type) {
            return simple(Types.OTHER, type.extensionName(), 0, JdbcType.UNBOUNDED, Object.class);
        }
    }
}
