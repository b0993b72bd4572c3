package io.polaroid.engine.sql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code time_bucket(width INTERVAL, ts DATE|TIMESTAMP [, origin])}: the start of the bucket of
 * {@code width} that holds {@code ts}, for resampling time series (OHLCV bars). See {@link TimeBuckets}
 * for the semantics. The row engine runs it through the static methods of {@link TimeBuckets}; the vector
 * engine has its own evaluator over the same arithmetic.
 */
public final class TimeBucketFunction extends SqlUserDefinedFunction {
    public static final TimeBucketFunction INSTANCE = new TimeBucketFunction();

    private TimeBucketFunction() {
        super(new SqlIdentifier("TIME_BUCKET", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                TimeBucketFunction::returnType, InferTypes.FIRST_KNOWN, null,
                new RowEngineFunction(SqlTypeName.TIMESTAMP, Implementation::implement));
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        boolean nullable = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            nullable |= binding.getOperandType(i).isNullable();
        }
        return factory.createTypeWithNullability(binding.getOperandType(1), nullable);
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.between(2, 3);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        RelDataType width = binding.getOperandType(0);
        RelDataType ts = binding.getOperandType(1);
        boolean ok = SqlTypeFamily.DATETIME_INTERVAL.getTypeNames().contains(width.getSqlTypeName())
                && isBucketable(ts.getSqlTypeName())
                && (binding.getOperandCount() < 3
                    || binding.getOperandType(2).getSqlTypeName() == ts.getSqlTypeName());
        if (!ok && throwOnFailure) {
            throw binding.newValidationSignatureError();
        }
        return ok;
    }

    @Override
    public String getAllowedSignatures(String opNameToUse) {
        return "TIME_BUCKET(<INTERVAL>, <DATE | TIMESTAMP> [, <origin of the same type>])";
    }

    static boolean isBucketable(SqlTypeName type) {
        return type == SqlTypeName.DATE || type == SqlTypeName.TIMESTAMP
                || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    /** Whether a width of this type counts months (rather than a fixed duration). */
    public static boolean isMonthWidth(RelDataType width) {
        return width.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    /** The Calcite function behind the operator: its row-engine implementation. */
    /** The row-engine implementation: the Java expression for one call. */
    private static final class Implementation {
        private Implementation() {
        }

        private static Expression implement(org.apache.calcite.adapter.enumerable.RexToLixTranslator translator,
                                            RexCall call, List<Expression> operands) {
            boolean months = isMonthWidth(call.getOperands().get(0).getType());
            boolean date = call.getOperands().get(1).getType().getSqlTypeName() == SqlTypeName.DATE;
            String name = (date ? "date" : "timestamp") + (months ? "ByMonths" : "ByMillis");
            List<Class<?>> types = new ArrayList<>();
            List<Expression> arguments = new ArrayList<>();
            types.add(months ? int.class : long.class);
            arguments.add(Expressions.convert_(operands.get(0), months ? int.class : long.class));
            Class<?> pointType = date ? int.class : long.class;
            for (int i = 1; i < operands.size(); i++) {
                types.add(pointType);
                arguments.add(Expressions.convert_(operands.get(i), pointType));
            }
            try {
                Method method = TimeBuckets.class.getMethod(name, types.toArray(new Class<?>[0]));
                return Expressions.call(method, arguments);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no TimeBuckets." + name + types, e);
            }
        }
    }
}
