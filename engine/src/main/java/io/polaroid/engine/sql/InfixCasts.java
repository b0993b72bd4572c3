package io.polaroid.engine.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Gives PostgreSQL's {@code ::} cast its precedence back. Calcite's Babel parser applies {@code ::} to
 * everything parsed before it in the same expression: {@code a / b::double} becomes
 * {@code (a / b)::double} (an integer division, then a cast) and {@code x = '5'::int} becomes
 * {@code (x = '5')::int}. In PostgreSQL {@code ::} binds tighter than any operator, so the cast applies to
 * the operand just before it: {@code a / (b::double)}.
 *
 * <p>{@link #repair} moves each such cast down to the last operand of the operator expressions it wraps,
 * unless they were written in parentheses: a parenthesized call's position ends at its closing
 * parenthesis, after its last operand ({@code (a + b)::int} stays a cast of the sum). An operator that
 * follows the cast was applied to the whole expression too ({@code 1 + 2::int * 3} arrives as
 * {@code (1 + 2)::int * 3}); it is moved down the same way, by precedence. Correct parse trees never
 * have an unparenthesized looser operator under a tighter one, so only Babel's damage is touched.
 */
public final class InfixCasts {
    private InfixCasts() {
    }

    /** {@code node} with every {@code ::} cast applied to the operand it binds to in PostgreSQL. */
    public static SqlNode repair(SqlNode node) {
        return node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                boolean afterCast = call.getOperator() instanceof SqlBinaryOperator && call.operandCount() == 2
                        && call.operand(0) instanceof SqlCall
                        && ((SqlCall) call.operand(0)).getOperator() == SqlLibraryOperators.INFIX_CAST;
                SqlNode visited = super.visit(call);
                if (!(visited instanceof SqlCall)) {
                    return visited;
                }
                SqlCall copy = (SqlCall) visited;
                if (copy.getOperator() == SqlLibraryOperators.INFIX_CAST) {
                    return castBoundTightly(copy.operand(0), copy.operand(1), copy.getParserPosition());
                }
                if (afterCast) {
                    // Babel also applied this operator to everything before the cast: 1 + 2::int * 3
                    // arrives as (1 + 2::int) * 3.
                    return reassociated(copy.getOperator(), copy.operand(0), copy.operand(1), copy.getParserPosition());
                }
                return copy;
            }
        });
    }

    private static SqlNode castBoundTightly(SqlNode operand, SqlNode type, SqlParserPos position) {
        if (operand instanceof SqlBasicCall && bindsLooser(((SqlBasicCall) operand).getOperator())
                && !parenthesized((SqlBasicCall) operand)) {
            SqlBasicCall call = (SqlBasicCall) operand;
            List<SqlNode> operands = new ArrayList<>(call.getOperandList());
            int last = operands.size() - 1;
            operands.set(last, castBoundTightly(operands.get(last), type, position));
            return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands);
        }
        return SqlLibraryOperators.INFIX_CAST.createCall(position, operand, type);
    }

    /**
     * {@code left operator right}, where {@code left} came out of a repaired cast: if {@code left} is an
     * unparenthesized operator expression that binds looser than {@code operator}, the operator takes
     * only its last operand ({@code (1 + x) * 3} → {@code 1 + (x * 3)}), recursively.
     */
    private static SqlNode reassociated(SqlOperator operator, SqlNode left, SqlNode right, SqlParserPos position) {
        if (left instanceof SqlBasicCall && ((SqlBasicCall) left).getOperator() instanceof SqlBinaryOperator
                && ((SqlBasicCall) left).getOperator().getRightPrec() < operator.getLeftPrec()
                && !parenthesized((SqlBasicCall) left)) {
            SqlBasicCall looser = (SqlBasicCall) left;
            return looser.getOperator().createCall(looser.getParserPosition(), looser.operand(0),
                    reassociated(operator, looser.operand(1), right, position));
        }
        return operator.createCall(position, left, right);
    }

    /** Infix and prefix operators that PostgreSQL applies after {@code ::}. */
    private static boolean bindsLooser(SqlOperator operator) {
        return (operator instanceof SqlBinaryOperator || operator instanceof SqlPrefixOperator)
                && operator.getRightPrec() < SqlLibraryOperators.INFIX_CAST.getLeftPrec();
    }

    /** A call written in parentheses ends (at its ')') after its last operand ends. */
    private static boolean parenthesized(SqlBasicCall call) {
        List<SqlNode> operands = call.getOperandList();
        SqlNode last = operands.get(operands.size() - 1);
        if (last == null) {
            return false;
        }
        SqlParserPos end = call.getParserPosition();
        SqlParserPos lastEnd = last.getParserPosition();
        return end.getEndLineNum() > lastEnd.getEndLineNum()
                || end.getEndLineNum() == lastEnd.getEndLineNum() && end.getEndColumnNum() > lastEnd.getEndColumnNum();
    }
}
