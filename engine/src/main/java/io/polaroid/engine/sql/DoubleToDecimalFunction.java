package io.polaroid.engine.sql;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code CAST(double AS DECIMAL(p, s))} rounded from the double's exact binary value, half away from
 * zero, as DuckDB does: {@code 130.765e0} is really 130.76499999..., so it becomes 130.76. Calcite's row
 * engine rounds the double's shortest decimal spelling instead ("130.765" → 130.77), which disagrees
 * with the vector engine and with DuckDB at such ties. The SQL-to-relational conversion therefore
 * replaces every such cast (explicit or inserted by type coercion) by this function; both engines run it
 * with {@link #toDecimal}'s arithmetic. It is not in the operator table: users write {@code CAST}.
 */
public final class DoubleToDecimalFunction extends SqlUserDefinedFunction {
    public static final DoubleToDecimalFunction INSTANCE = new DoubleToDecimalFunction();

    private DoubleToDecimalFunction() {
        super(new SqlIdentifier("CAST_DOUBLE_TO_DECIMAL", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.ARG0, null, null, new Implementation());
    }

    /** Whether a cast from {@code from} to {@code to} is one this function replaces. */
    public static boolean replaces(RelDataType from, RelDataType to) {
        return SqlTypeUtil.isApproximateNumeric(from) && to.getSqlTypeName() == SqlTypeName.DECIMAL;
    }

    /** {@code CAST(value AS type)} as a call of this function. */
    static RexNode call(RexBuilder rexBuilder, RelDataType type, RexNode value) {
        return rexBuilder.makeCall(type, INSTANCE, List.of(value));
    }

    /**
     * {@code value} rounded half away from zero to {@code scale} digits; fails with an
     * {@link ArithmeticException} (22003) when it does not fit {@code precision} digits or is not finite.
     */
    public static BigDecimal toDecimal(double value, int precision, int scale) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("Value " + value + " cannot be represented as a DECIMAL("
                    + precision + ", " + scale + ")");
        }
        BigDecimal rounded = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() != 0 && rounded.precision() - rounded.scale() > precision - scale) {
            throw new ArithmeticException("Value " + value + " cannot be represented as a DECIMAL("
                    + precision + ", " + scale + ")");
        }
        return rounded;
    }

    /** The row-engine implementation: a call of {@link #toDecimal} with the target's precision and scale. */
    private static final class Implementation implements ScalarFunction, ImplementableFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.DECIMAL);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public CallImplementor getImplementor() {
            return RexImpTable.createImplementor(Implementation::implement, NullPolicy.STRICT, false);
        }

        private static Expression implement(org.apache.calcite.adapter.enumerable.RexToLixTranslator translator,
                                            RexCall call, List<Expression> operands) {
            RelDataType type = call.getType();
            try {
                Method method = DoubleToDecimalFunction.class.getMethod("toDecimal", double.class, int.class,
                        int.class);
                return Expressions.call(method, Expressions.convert_(operands.get(0), double.class),
                        Expressions.constant(type.getPrecision()), Expressions.constant(type.getScale()));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("DoubleToDecimalFunction.toDecimal is missing", e);
            }
        }
    }
}
