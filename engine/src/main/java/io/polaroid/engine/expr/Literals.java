package io.polaroid.engine.expr;

import io.polaroid.engine.types.TemporalLiterals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Literal values in the vector engine's representation: Boolean; Long for integers, DATE (days),
 * TIME/TIMESTAMP (micros), day-time intervals (micros) and year-month intervals (months); Double;
 * BigDecimal; byte[] for strings (UTF-8) and binary.
 */
final class Literals {
    private Literals() {
    }

    /** The value of {@code literal} as a value of {@code type}, or null for NULL. */
    static Object value(RexLiteral literal, RelDataType type) {
        if (literal.isNull()) {
            return null;
        }
        // getValue() turns dates and times into Calendars; ask for Calcite's own representation instead
        switch (literal.getTypeName()) {
            case DATE:
                return convert(literal.getValueAs(DateString.class), type);
            case TIME:
                return convert(literal.getValueAs(TimeString.class), type);
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return convert(literal.getValueAs(TimestampString.class), type);
            default:
                return convert(literal.getValue(), type);
        }
    }

    /** Converts a literal's (or Sarg point's) Calcite value to the representation of {@code type}. */
    static Object convert(Object value, RelDataType type) {
        if (value == null) {
            return null;
        }
        switch (type.getSqlTypeName()) {
            case BOOLEAN:
                return value;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return ((Number) value).longValue();
            case DECIMAL:
                return value instanceof BigDecimal ? value : new BigDecimal(value.toString());
            case REAL:
            case FLOAT:
            case DOUBLE:
                return ((Number) value).doubleValue();
            case CHAR:
            case VARCHAR:
                return (value instanceof NlsString ? ((NlsString) value).getValue() : value.toString())
                        .getBytes(StandardCharsets.UTF_8);
            case BINARY:
            case VARBINARY:
                return ((ByteString) value).getBytes();
            case DATE:
                return value instanceof DateString ? (long) ((DateString) value).getDaysSinceEpoch()
                        : ((Number) value).longValue();
            case TIME:
                return value instanceof TimeString ? TemporalLiterals.timeMicros((TimeString) value)
                        : ((Number) value).longValue() * 1000L;
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return value instanceof TimestampString ? TemporalLiterals.timestampMicros((TimestampString) value)
                        : ((Number) value).longValue() * 1000L;
            default:
                SqlTypeFamily family = type.getSqlTypeName().getFamily();
                if (family == SqlTypeFamily.INTERVAL_DAY_TIME) {
                    return ((BigDecimal) value).longValueExact() * 1000L; // Calcite holds milliseconds
                }
                if (family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
                    return ((BigDecimal) value).longValueExact();
                }
                throw new IllegalArgumentException("no vector representation for " + type);
        }
    }

    /** A parameter value ({@link io.polaroid.engine.types.ParameterValues#vectorValue}) as a constant of its kind. */
    static Object parameter(Object value) {
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Integer) {
            return ((Integer) value).longValue();
        }
        return value;
    }
}
