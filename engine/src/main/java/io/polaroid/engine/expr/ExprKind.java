package io.polaroid.engine.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * How the vector engine holds values of a SQL type while computing: one Java array type per kind, so
 * each kernel is one tight loop over primitives.
 */
public enum ExprKind {
    /** Bits in {@code long} words. */
    BOOLEAN,
    /** {@code long}: integers, DATE (days), TIME and TIMESTAMP (micros), intervals (micros or months). */
    LONG,
    /** {@code double}: REAL, FLOAT, DOUBLE. */
    DOUBLE,
    /** Unscaled {@code long} at a fixed scale, widening to {@code BigDecimal} when a batch overflows. */
    DECIMAL,
    /** UTF-8 or binary bytes with offsets: CHAR, VARCHAR, BINARY, VARBINARY. */
    BYTES;

    /** The kind of {@code type}, or null when the vector engine has no representation for it. */
    public static ExprKind of(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case BOOLEAN:
                return BOOLEAN;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DATE:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return LONG;
            case REAL:
            case FLOAT:
            case DOUBLE:
                return DOUBLE;
            case DECIMAL:
                return DECIMAL;
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return BYTES;
            default:
                SqlTypeFamily family = type.getSqlTypeName().getFamily();
                if (family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    return LONG;
                }
                return null;
        }
    }
}
