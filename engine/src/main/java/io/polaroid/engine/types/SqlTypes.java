package io.polaroid.engine.types;

import io.polaroid.engine.api.ColumnMetadata;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The one mapping between Arrow types and Calcite SQL types, used by the schema adapter (dataset columns
 * become SQL columns), the converters between row and batch execution, parameters and result schemas.
 *
 * <p>Round trip: every Arrow type the catalog produces maps to a SQL type that maps back to the same Arrow
 * type, so a column scanned in batches keeps its vectors unchanged all the way to the result.
 * Timestamps are always microseconds in Arrow; a zone on the Arrow field means the values are instants and
 * the SQL type is {@code TIMESTAMP WITH LOCAL TIME ZONE} (read back as zone {@code UTC}).
 */
public final class SqlTypes {
    /** Fractional-second digits of TIME and TIMESTAMP values: Arrow holds microseconds. */
    public static final int TIMESTAMP_PRECISION = 6;
    public static final String UTC = "UTC";

    private SqlTypes() {
    }

    /** The smallest value of an integer SQL type (BIGINT's for any other type). */
    public static long minValue(SqlTypeName type) {
        switch (type) {
            case TINYINT:
                return Byte.MIN_VALUE;
            case SMALLINT:
                return Short.MIN_VALUE;
            case INTEGER:
                return Integer.MIN_VALUE;
            default:
                return Long.MIN_VALUE;
        }
    }

    /** The largest value of an integer SQL type (BIGINT's for any other type). */
    public static long maxValue(SqlTypeName type) {
        switch (type) {
            case TINYINT:
                return Byte.MAX_VALUE;
            case SMALLINT:
                return Short.MAX_VALUE;
            case INTEGER:
                return Integer.MAX_VALUE;
            default:
                return Long.MAX_VALUE;
        }
    }

    /** The SQL type of an Arrow field, with the field's nullability. */
    public static RelDataType toRelType(Field field, RelDataTypeFactory factory) {
        Objects.requireNonNull(field, "field");
        RelDataType type = toRelTypeNotNull(field, factory);
        return factory.createTypeWithNullability(type, field.isNullable());
    }

    /** The row type of an Arrow schema. */
    public static RelDataType toRowType(Schema schema, RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (Field field : schema.getFields()) {
            builder.add(field.getName(), toRelType(field, factory));
        }
        return builder.build();
    }

    private static RelDataType toRelTypeNotNull(Field field, RelDataTypeFactory factory) {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Bool:
                return factory.createSqlType(SqlTypeName.BOOLEAN);
            case Int: {
                ArrowType.Int integer = (ArrowType.Int) type;
                int width = integer.getIsSigned() ? integer.getBitWidth() : integer.getBitWidth() * 2;
                if (width <= 8) {
                    return factory.createSqlType(SqlTypeName.TINYINT);
                } else if (width <= 16) {
                    return factory.createSqlType(SqlTypeName.SMALLINT);
                } else if (width <= 32) {
                    return factory.createSqlType(SqlTypeName.INTEGER);
                } else if (width <= 64) {
                    return factory.createSqlType(SqlTypeName.BIGINT);
                }
                return factory.createSqlType(SqlTypeName.DECIMAL, 20, 0);
            }
            case FloatingPoint:
                return ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
                        ? factory.createSqlType(SqlTypeName.DOUBLE)
                        : factory.createSqlType(SqlTypeName.REAL);
            case Decimal: {
                ArrowType.Decimal decimal = (ArrowType.Decimal) type;
                return factory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
            }
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                return factory.createSqlType(SqlTypeName.VARCHAR);
            case Binary:
            case LargeBinary:
            case BinaryView:
            case FixedSizeBinary:
                return factory.createSqlType(SqlTypeName.VARBINARY);
            case Date:
                return factory.createSqlType(SqlTypeName.DATE);
            case Time:
                return factory.createSqlType(SqlTypeName.TIME, TIMESTAMP_PRECISION);
            case Timestamp:
                return ((ArrowType.Timestamp) type).getTimezone() == null
                        ? factory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION)
                        : factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_PRECISION);
            case Interval:
                return ((ArrowType.Interval) type).getUnit() == IntervalUnit.YEAR_MONTH
                        ? factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                                org.apache.calcite.avatica.util.TimeUnit.YEAR,
                                org.apache.calcite.avatica.util.TimeUnit.MONTH,
                                org.apache.calcite.sql.parser.SqlParserPos.ZERO))
                        : dayTimeInterval(factory);
            case Duration:
                return dayTimeInterval(factory);
            case Null:
                return factory.createSqlType(SqlTypeName.NULL);
            case List:
            case LargeList:
            case FixedSizeList:
                return factory.createArrayType(toRelType(field.getChildren().get(0), factory), -1);
            case Map: {
                Field entries = field.getChildren().get(0);
                return factory.createMapType(toRelType(entries.getChildren().get(0), factory),
                        toRelType(entries.getChildren().get(1), factory));
            }
            case Struct: {
                RelDataTypeFactory.Builder builder = factory.builder();
                for (Field child : field.getChildren()) {
                    builder.add(child.getName(), toRelType(child, factory));
                }
                return builder.build();
            }
            default:
                throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "column " + field.getName() + " has Arrow type " + type + ", which SQL cannot read yet");
        }
    }

    private static RelDataType dayTimeInterval(RelDataTypeFactory factory) {
        return factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
                org.apache.calcite.avatica.util.TimeUnit.DAY, 6,
                org.apache.calcite.avatica.util.TimeUnit.SECOND, 6,
                org.apache.calcite.sql.parser.SqlParserPos.ZERO));
    }

    /** The Arrow type that holds values of {@code type} in batches. */
    public static ArrowType toArrowType(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case TINYINT:
                return new ArrowType.Int(8, true);
            case SMALLINT:
                return new ArrowType.Int(16, true);
            case INTEGER:
                return new ArrowType.Int(32, true);
            case BIGINT:
                return new ArrowType.Int(64, true);
            case DECIMAL:
                return new ArrowType.Decimal(type.getPrecision(), Math.max(0, type.getScale()), 128);
            case REAL:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT:
            case DOUBLE:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case CHAR:
            case VARCHAR:
                return ArrowType.Utf8.INSTANCE;
            case BINARY:
            case VARBINARY:
                return ArrowType.Binary.INSTANCE;
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case TIME:
                return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                return new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
            case INTERVAL_DAY:
            case INTERVAL_DAY_HOUR:
            case INTERVAL_DAY_MINUTE:
            case INTERVAL_DAY_SECOND:
            case INTERVAL_HOUR:
            case INTERVAL_HOUR_MINUTE:
            case INTERVAL_HOUR_SECOND:
            case INTERVAL_MINUTE:
            case INTERVAL_MINUTE_SECOND:
            case INTERVAL_SECOND:
                return new ArrowType.Duration(TimeUnit.MICROSECOND);
            case NULL:
                return ArrowType.Null.INSTANCE;
            case ARRAY:
            case MULTISET:
                return ArrowType.List.INSTANCE;
            case MAP:
                return new ArrowType.Map(false);
            case ROW:
                return ArrowType.Struct.INSTANCE;
            default:
                // SYMBOL, ANY, GEOMETRY, ...: rendered as text.
                return ArrowType.Utf8.INSTANCE;
        }
    }

    /** An Arrow field for values of {@code type}, children included, without column metadata. */
    public static Field toArrowField(String name, RelDataType type) {
        return toArrowField(name, type, null);
    }

    /** An Arrow field for values of {@code type} carrying {@code metadata}. */
    public static Field toArrowField(String name, RelDataType type, Map<String, String> metadata) {
        ArrowType arrowType = toArrowType(type);
        List<Field> children = new ArrayList<>();
        switch (type.getSqlTypeName()) {
            case ARRAY:
            case MULTISET:
                children.add(toArrowField("item", Objects.requireNonNull(type.getComponentType())));
                break;
            case MAP: {
                // Arrow map keys are never null.
                Field key = notNull(toArrowField("key", Objects.requireNonNull(type.getKeyType())));
                Field value = toArrowField("value", Objects.requireNonNull(type.getValueType()));
                children.add(new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                        List.of(key, value)));
                break;
            }
            case ROW:
                for (RelDataTypeField child : type.getFieldList()) {
                    children.add(toArrowField(child.getName(), child.getType()));
                }
                break;
            default:
                break;
        }
        boolean nullable = type.isNullable() || type.getSqlTypeName() == SqlTypeName.NULL;
        return new Field(name, new FieldType(nullable, arrowType, null, metadata), children);
    }

    private static Field notNull(Field field) {
        return new Field(field.getName(), new FieldType(false, field.getType(), null, field.getMetadata()),
                field.getChildren());
    }

    /** A result schema for a row type; {@code origins} may give base-column metadata per field (or null). */
    public static Schema toArrowSchema(RelDataType rowType, List<ColumnOrigin> origins) {
        List<Field> fields = new ArrayList<>();
        List<RelDataTypeField> relFields = rowType.getFieldList();
        for (int i = 0; i < relFields.size(); i++) {
            RelDataTypeField relField = relFields.get(i);
            ColumnOrigin origin = origins == null || i >= origins.size() ? null : origins.get(i);
            fields.add(toArrowField(relField.getName(), relField.getType(),
                    columnMetadata(relField.getType(), origin)));
        }
        return new Schema(fields);
    }

    /** The {@link ColumnMetadata} keys for a column of {@code type}. */
    public static Map<String, String> columnMetadata(RelDataType type, ColumnOrigin origin) {
        Map<String, String> metadata = new HashMap<>();
        if (origin != null) {
            metadata.put(ColumnMetadata.CATALOG_NAME, origin.catalog());
            metadata.put(ColumnMetadata.SCHEMA_NAME, origin.schema());
            metadata.put(ColumnMetadata.TABLE_NAME, origin.table());
        }
        metadata.put(ColumnMetadata.TYPE_NAME, typeName(type));
        metadata.put(ColumnMetadata.PRECISION, Integer.toString(precision(type)));
        metadata.put(ColumnMetadata.SCALE, Integer.toString(scale(type)));
        metadata.put(ColumnMetadata.IS_AUTO_INCREMENT, "false");
        metadata.put(ColumnMetadata.IS_CASE_SENSITIVE, Boolean.toString(isCharacter(type)));
        metadata.put(ColumnMetadata.IS_READ_ONLY, "true");
        metadata.put(ColumnMetadata.IS_SEARCHABLE, "true");
        return metadata;
    }

    private static boolean isCharacter(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.CHAR || type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }

    /** The SQL type name the dialect uses for {@code type}, as clients see it (no precision). */
    public static String typeName(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case CHAR:
            case VARCHAR:
                return "VARCHAR";
            case BINARY:
            case VARBINARY:
                return "VARBINARY";
            case FLOAT:
            case DOUBLE:
                return "DOUBLE";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return "TIMESTAMP WITH TIME ZONE";
            case ROW:
                return "STRUCT";
            default:
                if (type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
                        || type.getSqlTypeName().getFamily()
                        == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    return "INTERVAL";
                }
                return type.getSqlTypeName().getName();
        }
    }

    /** JDBC-style precision: digits for numbers, characters for strings (0 when unbounded). */
    public static int precision(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case DECIMAL:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case REAL:
            case FLOAT:
            case DOUBLE:
                return type.getPrecision();
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return Math.max(0, type.getPrecision());
            case DATE:
                return 10;
            case TIME:
                return 15;
            case TIMESTAMP:
                return 26;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return 32;
            default:
                return 0;
        }
    }

    /** Digits after the point for decimals; fractional-second digits for times. */
    public static int scale(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case DECIMAL:
                return Math.max(0, type.getScale());
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return TIMESTAMP_PRECISION;
            default:
                return 0;
        }
    }
}
