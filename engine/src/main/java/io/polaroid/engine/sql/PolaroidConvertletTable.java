package io.polaroid.engine.sql;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
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
            return (cx, cast) -> exactDoubleToDecimal(cx, standard.convertCall(cx, cast));
        }
        return standard;
    }

    /** A cast of a double to a decimal, made to round the double's exact value (see {@link DoubleToDecimalFunction}). */
    private static RexNode exactDoubleToDecimal(SqlRexContext cx, RexNode converted) {
        if (converted.getKind() == SqlKind.CAST) {
            RexNode operand = ((RexCall) converted).getOperands().get(0);
            if (DoubleToDecimalFunction.replaces(operand.getType(), converted.getType())) {
                return DoubleToDecimalFunction.call(cx.getRexBuilder(), converted.getType(), operand);
            }
        }
        return converted;
    }
}
