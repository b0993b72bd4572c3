package io.polaroid.cli.format;

import java.sql.Types;

/** How a column's values are read and shown, decided once per column from its JDBC type. */
public enum ValueKind {
    INTEGER(true),
    DECIMAL(true),
    DOUBLE(true),
    REAL(true),
    BOOLEAN(false),
    DATE(false),
    TIME(false),
    TIMESTAMP(false),
    TIMESTAMP_WITH_TIME_ZONE(false),
    BINARY(false),
    ARRAY(false),
    STRUCT(false),
    TEXT(false);

    private final boolean numeric;

    ValueKind(boolean numeric) {
        this.numeric = numeric;
    }

    /** Numbers are right-aligned in tables and unquoted in JSON. */
    public boolean isNumeric() {
        return numeric;
    }

    public static ValueKind of(int jdbcType) {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return INTEGER;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return DECIMAL;
            case Types.DOUBLE:
            case Types.FLOAT:
                return DOUBLE;
            case Types.REAL:
                return REAL;
            case Types.BOOLEAN:
            case Types.BIT:
                return BOOLEAN;
            case Types.DATE:
                return DATE;
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return TIME;
            case Types.TIMESTAMP:
                return TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMP_WITH_TIME_ZONE;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return BINARY;
            case Types.ARRAY:
                return ARRAY;
            case Types.STRUCT:
                return STRUCT;
            default:
                return TEXT;
        }
    }
}
