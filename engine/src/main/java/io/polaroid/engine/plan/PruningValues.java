package io.polaroid.engine.plan;

import io.polaroid.engine.types.TemporalLiterals;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Literal and parameter values in the representation the catalog prunes with: Long for integers, dates
 * (days), times and timestamps (micros); Double; BigDecimal; String; Boolean.
 */
final class PruningValues {
    private PruningValues() {
    }

    static Object fromParameter(Object vectorValue) {
        return vectorValue instanceof byte[] ? null : vectorValue;
    }

    static Object fromLiteral(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN:
                return literal.getValueAs(Boolean.class);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return literal.getValueAs(Long.class);
            case DECIMAL:
                return literal.getValueAs(BigDecimal.class);
            case REAL:
            case FLOAT:
            case DOUBLE:
                return literal.getValueAs(Double.class);
            case CHAR:
            case VARCHAR:
                return literal.getValueAs(String.class);
            case DATE:
                return (long) literal.getValueAs(DateString.class).getDaysSinceEpoch();
            case TIME:
                return TemporalLiterals.timeMicros(literal.getValueAs(TimeString.class));
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TemporalLiterals.timestampMicros(literal.getValueAs(TimestampString.class));
            default:
                return null;
        }
    }
}
