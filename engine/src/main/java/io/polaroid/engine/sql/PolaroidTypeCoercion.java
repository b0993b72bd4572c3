package io.polaroid.engine.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.apache.calcite.util.Static;

/**
 * Calcite's implicit casts, minus the one that turns type errors into run-time failures: a character
 * value that is not a literal never becomes a number, date, time or boolean on its own.
 *
 * <p>Calcite would validate {@code SUM(symbol)}, {@code symbol + 1} or {@code symbol = 5} by casting
 * every string to a number, and fail at run time (22018) on the first string that is not one. PostgreSQL
 * and DuckDB reject those statements when they are planned, and so do we: the validator then reports that
 * the operator cannot be applied to the types (42804). Comparisons ({@code =}, {@code <}, BETWEEN, IN) of
 * such a string with a value of another type are rejected the same way. String literals still adapt to the other operand
 * ({@code day = '2024-01-05'}, {@code qty > '10'}), as in both of them.
 */
public final class PolaroidTypeCoercion extends TypeCoercionImpl {

    public PolaroidTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        if (binding.getOperator().getKind().belongsTo(SqlKind.BINARY_COMPARISON)
                || binding.getOperator().getKind() == SqlKind.BETWEEN) {
            rejectStringsAmongOtherTypes(binding, binding.operands());
        }
        return super.binaryComparisonCoercion(binding);
    }

    @Override
    public boolean inOperationCoercion(SqlCallBinding binding) {
        if (binding.operand(1) instanceof SqlNodeList) {
            List<SqlNode> operands = new ArrayList<>();
            operands.add(binding.operand(0));
            operands.addAll((SqlNodeList) binding.operand(1));
            rejectStringsAmongOtherTypes(binding, operands);
        }
        return super.inOperationCoercion(binding);
    }

    /**
     * Fails (42804) when a string that is not a literal is compared with a value of another type: Calcite
     * would cast the string, and the first one that does not parse would fail the query at run time.
     */
    private void rejectStringsAmongOtherTypes(SqlCallBinding binding, List<SqlNode> operands) {
        boolean stringColumn = false;
        boolean otherType = false;
        for (SqlNode operand : operands) {
            RelDataType type = validator.deriveType(binding.getScope(), operand);
            if (SqlTypeUtil.isCharacter(type)) {
                stringColumn |= !(operand instanceof SqlLiteral);
            } else if (!SqlTypeUtil.isNull(type) && type.getSqlTypeName() != SqlTypeName.ANY && !type.isStruct()) {
                otherType = true;
            }
        }
        if (stringColumn && otherType) {
            throw binding.getOperator().getOperandTypeChecker() != null ? binding.newValidationSignatureError()
                    : binding.newError(Static.RESOURCE.incompatibleValueType(binding.getOperator().getName()));
        }
    }

    @Override
    protected boolean coerceOperandType(SqlValidatorScope scope, SqlCall call, int index, RelDataType targetType) {
        SqlNode operand = call.getOperandList().get(index);
        if (scope != null && !(operand instanceof SqlLiteral) && !SqlTypeUtil.isCharacter(targetType)) {
            RelDataType operandType = validator.deriveType(scope, operand);
            if (SqlTypeUtil.isCharacter(operandType)) {
                return false;
            }
        }
        return super.coerceOperandType(scope, call, index, targetType);
    }
}
