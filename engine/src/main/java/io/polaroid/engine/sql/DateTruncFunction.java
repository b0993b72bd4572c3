package io.polaroid.engine.sql;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * PostgreSQL's {@code date_trunc('unit', ts)}. It exists only until SQL-to-relational conversion, which
 * rewrites it (see {@link #convert}) to {@code FLOOR(ts TO unit)}, or, for weeks, to a 7-day
 * {@code time_bucket} starting on Mondays (ISO weeks, as PostgreSQL and DuckDB do; Calcite's
 * {@code FLOOR(... TO WEEK)} starts weeks on Sunday). Both engines already run those.
 */
public final class DateTruncFunction extends SqlFunction {
    public static final DateTruncFunction INSTANCE = new DateTruncFunction();

    private DateTruncFunction() {
        super("DATE_TRUNC", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG1_NULLABLE, null,
                OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
                SqlFunctionCategory.TIMEDATE);
    }

    /** The relational expression for a {@code date_trunc} call. */
    static RexNode convert(SqlRexContext cx, SqlCall call) {
        SqlNode unitNode = call.operand(0);
        if (!(unitNode instanceof SqlLiteral)) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "date_trunc needs its unit as a string literal, such as date_trunc('hour', ts)");
        }
        String unit = ((SqlLiteral) unitNode).getValueAs(String.class).trim().toLowerCase(Locale.ROOT);
        RexBuilder rexBuilder = cx.getRexBuilder();
        RexNode value = cx.convertExpression(call.operand(1));
        if (unit.equals("week") || unit.equals("weeks")) {
            RexNode width = rexBuilder.makeIntervalLiteral(BigDecimal.valueOf(7 * TimeBuckets.MILLIS_PER_DAY),
                    new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
            return rexBuilder.makeCall(value.getType(), TimeBucketFunction.INSTANCE,
                    java.util.List.of(width, value));
        }
        return rexBuilder.makeCall(value.getType(), SqlStdOperatorTable.FLOOR,
                java.util.List.of(value, rexBuilder.makeFlag(unitRange(unit))));
    }

    private static TimeUnitRange unitRange(String unit) {
        switch (unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit) {
            case "microsecond":
                return TimeUnitRange.MICROSECOND;
            case "millisecond":
                return TimeUnitRange.MILLISECOND;
            case "second":
                return TimeUnitRange.SECOND;
            case "minute":
                return TimeUnitRange.MINUTE;
            case "hour":
                return TimeUnitRange.HOUR;
            case "day":
                return TimeUnitRange.DAY;
            case "month":
                return TimeUnitRange.MONTH;
            case "quarter":
                return TimeUnitRange.QUARTER;
            case "year":
                return TimeUnitRange.YEAR;
            case "decade":
                return TimeUnitRange.DECADE;
            case "century":
                return TimeUnitRange.CENTURY;
            case "millennium":
            case "millennia":
                return TimeUnitRange.MILLENNIUM;
            default:
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "date_trunc unit '" + unit
                        + "' is not one of microseconds, milliseconds, second, minute, hour, day, week, month,"
                        + " quarter, year, decade, century, millennium");
        }
    }
}
