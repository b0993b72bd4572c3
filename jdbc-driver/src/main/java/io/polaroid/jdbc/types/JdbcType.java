package io.polaroid.jdbc.types;

import java.sql.Types;
import java.util.Objects;

/**
 * How one Arrow type looks to a JDBC client: the {@link Types} code, the type name as the dialect
 * spells it, and the sizes that {@code ResultSetMetaData}, {@code DatabaseMetaData.getColumns} and
 * {@code ParameterMetaData} report.
 *
 * @param sqlType     a {@link Types} constant
 * @param typeName    the dialect's name of the type, without precision or scale ({@code DECIMAL},
 *                    {@code TIMESTAMP WITH TIME ZONE}, {@code INTEGER ARRAY})
 * @param precision   {@code COLUMN_SIZE}: digits for numbers, characters or bytes for strings and
 *                    binary, characters of the printed form for date/time; 0 where it does not apply
 * @param scale       digits after the decimal point, or fractional-second digits for time types
 * @param radix       10 or 2 for numbers ({@code NUM_PREC_RADIX}); 0 where it does not apply
 * @param displaySize characters needed to print any value
 * @param signed      whether values can be negative
 * @param caseSensitive whether comparisons of values are case sensitive (strings)
 * @param className   the class {@code ResultSet.getObject} returns
 */
public record JdbcType(int sqlType, String typeName, int precision, int scale, int radix,
                       int displaySize, boolean signed, boolean caseSensitive, String className) {

    /** Size reported for strings and binary values that have no declared length. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public JdbcType {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(className, "className");
        if (precision < 0 || scale < 0 || displaySize < 0) {
            throw new IllegalArgumentException("sizes must not be negative: " + typeName);
        }
    }

    /** {@code COLUMN_SIZE} for {@code getColumns}: {@code null} where a size means nothing (BOOLEAN). */
    public Integer columnSize() {
        return precision == 0 ? null : precision;
    }

    /** {@code DECIMAL_DIGITS} for {@code getColumns}: {@code null} for types that have no scale. */
    public Integer decimalDigits() {
        return hasScale() ? scale : null;
    }

    /** {@code NUM_PREC_RADIX} for {@code getColumns}: {@code null} for non-numeric types. */
    public Integer numPrecRadix() {
        return radix == 0 ? null : radix;
    }

    /** {@code CHAR_OCTET_LENGTH}: the most bytes a character column's value takes in UTF-8, else null. */
    public Integer charOctetLength() {
        if (!isCharacter()) {
            return null;
        }
        return precision >= UNBOUNDED / 4 ? UNBOUNDED : precision * 4;
    }

    public boolean isCharacter() {
        return sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.LONGVARCHAR;
    }

    private boolean hasScale() {
        switch (sqlType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.DECIMAL:
            case Types.NUMERIC:
            case Types.TIME:
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return true;
            default:
                return false;
        }
    }
}
