package io.polaroid.engine.sql;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Optionality;

/**
 * The ordered-set aggregates as the validator sees them: {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY
 * x)}, {@code PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x)} and {@code MEDIAN(x)}. Calcite's own
 * PERCENTILE_CONT types its result as the ORDER BY expression (an integer median of 1 and 2 would be an
 * integer) and has no row-engine implementation; ours type it as PostgreSQL and DuckDB do, and the
 * planner runs them through {@link OrderedSetAggregation}:
 * <ul>
 *   <li>PERCENTILE_CONT and MEDIAN interpolate: DOUBLE for numbers, TIMESTAMP for dates and timestamps;</li>
 *   <li>PERCENTILE_DISC picks a value: the ORDER BY expression's type.</li>
 * </ul>
 * The parser builds Calcite's operators for the WITHIN GROUP syntax; {@link #replaceStandard} swaps ours in
 * before validation.
 */
public final class OrderedSetFunctions {
    public static final SqlAggFunction PERCENTILE_CONT = SqlBasicAggFunction
            .create("PERCENTILE_CONT", SqlKind.PERCENTILE_CONT,
                    binding -> interpolatedType(binding, binding.getCollationType()),
                    OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
            .withFunctionType(SqlFunctionCategory.SYSTEM)
            .withGroupOrder(Optionality.MANDATORY)
            .withPercentile(true)
            .withAllowsFraming(false);

    public static final SqlAggFunction PERCENTILE_DISC = SqlBasicAggFunction
            .create("PERCENTILE_DISC", SqlKind.PERCENTILE_DISC,
                    binding -> nullable(binding.getTypeFactory(), binding.getCollationType()),
                    OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
            .withFunctionType(SqlFunctionCategory.SYSTEM)
            .withGroupOrder(Optionality.MANDATORY)
            .withPercentile(true)
            .withAllowsFraming(false);

    /** {@code MEDIAN(x)}: {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)}, as in DuckDB. */
    public static final SqlAggFunction MEDIAN = SqlBasicAggFunction
            .create("MEDIAN", SqlKind.OTHER_FUNCTION,
                    binding -> interpolatedType(binding, binding.getOperandType(0)),
                    OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.DATETIME))
            .withFunctionType(SqlFunctionCategory.NUMERIC)
            .withGroupOrder(Optionality.FORBIDDEN)
            .withAllowsFraming(false);

    private static final Map<SqlOperator, SqlAggFunction> REPLACEMENTS = Map.of(
            SqlStdOperatorTable.PERCENTILE_CONT, PERCENTILE_CONT,
            SqlStdOperatorTable.PERCENTILE_DISC, PERCENTILE_DISC);

    private OrderedSetFunctions() {
    }

    /** The functions users call by name (the others come from the WITHIN GROUP grammar). */
    static List<SqlOperator> named() {
        return List.of(MEDIAN);
    }

    /** {@code node} with Calcite's PERCENTILE_CONT and PERCENTILE_DISC replaced by ours. */
    public static SqlNode replaceStandard(SqlNode node) {
        return node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (!(visited instanceof SqlCall)) {
                    return visited;
                }
                SqlCall copy = (SqlCall) visited;
                SqlAggFunction ours = REPLACEMENTS.get(copy.getOperator());
                return ours == null ? copy
                        : ours.createCall(copy.getFunctionQuantifier(), copy.getParserPosition(),
                                copy.getOperandList().toArray(new SqlNode[0]));
            }
        });
    }

    private static RelDataType interpolatedType(SqlOperatorBinding binding, RelDataType value) {
        RelDataType result = interpolatedType(binding.getTypeFactory(), value);
        if (result == null) {
            throw binding.newError(org.apache.calcite.util.Static.RESOURCE.typeNotSupported(
                    value.getFullTypeString() + " (" + binding.getOperator().getName()
                            + " interpolates numbers, dates and timestamps)"));
        }
        return result;
    }

    /** The type of a value interpolated between values of type {@code value}, or null if they cannot be. */
    static RelDataType interpolatedType(RelDataTypeFactory types, RelDataType value) {
        RelDataType result;
        if (SqlTypeUtil.isNumeric(value)) {
            result = types.createSqlType(SqlTypeName.DOUBLE);
        } else if (value.getSqlTypeName() == SqlTypeName.DATE) {
            result = types.createSqlType(SqlTypeName.TIMESTAMP, 6);
        } else if (value.getSqlTypeName() == SqlTypeName.TIMESTAMP
                || value.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            result = value;
        } else {
            return null;
        }
        return nullable(types, result);
    }

    /** Ordered-set aggregates are NULL over a group without values. */
    static RelDataType nullable(RelDataTypeFactory types, RelDataType type) {
        return types.createTypeWithNullability(type, true);
    }
}
