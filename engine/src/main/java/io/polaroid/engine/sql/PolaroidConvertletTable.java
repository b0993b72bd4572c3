package io.polaroid.engine.sql;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/** Calcite's standard SQL-to-Rex conversions plus the rewrites of our own functions and casts. */
public final class PolaroidConvertletTable implements SqlRexConvertletTable {
    public static final PolaroidConvertletTable INSTANCE = new PolaroidConvertletTable();

    private PolaroidConvertletTable() {
    }

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getOperator() == DateTruncFunction.INSTANCE) {
            return DateTruncFunction::convert;
        }
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        if (call.getKind() == SqlKind.CAST && standard != null) {
            return (cx, cast) -> polaroidCast(cx, standard.convertCall(cx, cast));
        }
        if (call.getKind() == SqlKind.EXTRACT && standard != null && call.operand(0) instanceof SqlIntervalQualifier
                && ((SqlIntervalQualifier) call.operand(0)).timeUnitRange == TimeUnitRange.DOW) {
            return (cx, extract) -> sundayZero(cx, standard.convertCall(cx, extract));
        }
        return standard;
    }

    /**
     * {@code EXTRACT(DOW ...)} counts from Sunday = 0 as in PostgreSQL and DuckDB; Calcite counts from
     * Sunday = 1 (ODBC's DAYOFWEEK).
     */
    private static RexNode sundayZero(SqlRexContext cx, RexNode calciteDayOfWeek) {
        RexBuilder rexBuilder = cx.getRexBuilder();
        return rexBuilder.makeCall(calciteDayOfWeek.getType(), SqlStdOperatorTable.MINUS, List.of(calciteDayOfWeek,
                rexBuilder.makeExactLiteral(BigDecimal.ONE, calciteDayOfWeek.getType())));
    }

    /** A cast Calcite's row engine would get wrong, made a call of {@link PolaroidCastFunction}. */
    private static RexNode polaroidCast(SqlRexContext cx, RexNode converted) {
        if (converted.getKind() == SqlKind.CAST) {
            RexNode operand = ((RexCall) converted).getOperands().get(0);
            if (PolaroidCastFunction.replaces(operand.getType(), converted.getType())) {
                return PolaroidCastFunction.call(cx.getRexBuilder(), converted.getType(), operand);
            }
        }
        return converted;
    }
}
