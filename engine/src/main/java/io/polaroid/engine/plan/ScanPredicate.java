package io.polaroid.engine.plan;

import io.polaroid.catalog.ColumnPredicate;
import io.polaroid.engine.types.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * A pruning predicate of a scan as planned: a dataset column, an operator, and operands that are literals
 * or {@code ?} parameters. Parameters are resolved per execution, so a prepared point lookup prunes with
 * the values of each execution.
 */
public record ScanPredicate(String column, ColumnPredicate.Operator operator, List<RexNode> operands) {
    public ScanPredicate {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        operands = List.copyOf(operands);
        for (RexNode operand : operands) {
            if (!(operand instanceof RexLiteral) && !(operand instanceof RexDynamicParam)) {
                throw new IllegalArgumentException("scan predicate operands are literals or parameters: " + operand);
            }
        }
    }

    /** The catalog predicate with {@code parameters} substituted. */
    public ColumnPredicate resolve(ParameterValues parameters) {
        List<Object> values = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            if (operand instanceof RexDynamicParam) {
                values.add(PruningValues.fromParameter(parameters.vectorValue(((RexDynamicParam) operand).getIndex())));
            } else {
                values.add(PruningValues.fromLiteral((RexLiteral) operand));
            }
        }
        return new ColumnPredicate(column, operator, values);
    }

    @Override
    public String toString() {
        switch (operator) {
            case IS_NULL:
                return column + " IS NULL";
            case IS_NOT_NULL:
                return column + " IS NOT NULL";
            case IN:
                return column + " IN " + operands;
            default:
                return column + " " + operator + " " + operands.get(0);
        }
    }
}
