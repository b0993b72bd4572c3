package io.polaroid.engine.plan;

import io.polaroid.engine.exec.sort.SortKey;
import io.polaroid.engine.exec.sort.SortOperator;
import io.polaroid.engine.exec.window.FrameBound;
import io.polaroid.engine.exec.window.WindowCall;
import io.polaroid.engine.exec.window.WindowFrame;
import io.polaroid.engine.exec.window.WindowFunction;
import io.polaroid.engine.exec.window.WindowGroup;
import io.polaroid.engine.exec.window.WindowOperator;
import io.polaroid.engine.types.SqlTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a {@link Window}'s groups into the window operator's {@link WindowGroup}s, or tells that the
 * operator cannot run them (null): RANGE frames with offsets, frame exclusions, DISTINCT or IGNORE NULLS
 * calls, functions other than those of {@link WindowFunction}, and argument or key types the operator does
 * not handle are left to Calcite's row engine.
 */
final class VectorWindowGroups {
    private VectorWindowGroups() {
    }

    /** The operator's groups for {@code window}, or null when it cannot run some part of it. */
    static List<WindowGroup> of(Window window) {
        List<RelDataTypeField> inputFields = window.getInput().getRowType().getFieldList();
        List<RelDataTypeField> outputFields = window.getRowType().getFieldList();
        int output = inputFields.size();
        List<WindowGroup> groups = new ArrayList<>();
        for (Window.Group group : window.groups) {
            if (group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
                return null;
            }
            List<Integer> partition = new ArrayList<>();
            for (int column : group.keys) {
                if (!sortable(inputFields.get(column).getType())) {
                    return null;
                }
                partition.add(column);
            }
            List<SortKey> order = new ArrayList<>();
            for (RelFieldCollation key : group.orderKeys.getFieldCollations()) {
                if (!sortable(inputFields.get(key.getFieldIndex()).getType())) {
                    return null;
                }
                order.add(sortKey(key));
            }
            WindowFrame frame = frame(group, window);
            if (frame == null) {
                return null;
            }
            List<WindowCall> calls = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                WindowCall translated = call(call, window, outputFields.get(output++).getName());
                if (translated == null) {
                    return null;
                }
                calls.add(translated);
            }
            groups.add(new WindowGroup(partition, order, frame, calls));
        }
        return groups;
    }

    private static boolean sortable(RelDataType type) {
        return SortOperator.supportsKeyType(SqlTypes.toArrowType(type));
    }

    private static SortKey sortKey(RelFieldCollation key) {
        boolean ascending = !key.getDirection().isDescending();
        RelFieldCollation.NullDirection nulls = key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                ? key.getDirection().defaultNullDirection() : key.nullDirection;
        return new SortKey(key.getFieldIndex(), ascending, nulls == RelFieldCollation.NullDirection.FIRST);
    }

    private static WindowFrame frame(Window.Group group, Window window) {
        FrameBound lower = bound(group.lowerBound, window);
        FrameBound upper = bound(group.upperBound, window);
        if (lower == null || upper == null) {
            return null;
        }
        if (!group.isRows && (lower.offset() != 0 || upper.offset() != 0
                || lower.kind() == FrameBound.Kind.PRECEDING || lower.kind() == FrameBound.Kind.FOLLOWING
                || upper.kind() == FrameBound.Kind.PRECEDING || upper.kind() == FrameBound.Kind.FOLLOWING)) {
            return null; // RANGE with offsets compares ORDER BY values, which the operator does not do
        }
        if (lower.kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING
                || upper.kind() == FrameBound.Kind.UNBOUNDED_PRECEDING) {
            return null;
        }
        return new WindowFrame(group.isRows, lower, upper);
    }

    private static FrameBound bound(RexWindowBound bound, Window window) {
        if (bound.isUnboundedPreceding()) {
            return FrameBound.UNBOUNDED_PRECEDING;
        }
        if (bound.isUnboundedFollowing()) {
            return FrameBound.UNBOUNDED_FOLLOWING;
        }
        if (bound.isCurrentRow()) {
            return FrameBound.CURRENT_ROW;
        }
        RexLiteral offset = constant(bound.getOffset(), window);
        Long rows = offset == null || !SqlTypeName.INT_TYPES.contains(offset.getType().getSqlTypeName())
                ? null : offset.getValueAs(Long.class);
        if (rows == null || rows < 0) {
            return null;
        }
        return bound.isPreceding() ? FrameBound.preceding(rows) : FrameBound.following(rows);
    }

    private static WindowCall call(Window.RexWinAggCall call, Window window, String name) {
        if (call.distinct || call.ignoreNulls) {
            return null;
        }
        WindowFunction function = function(call);
        if (function == null) {
            return null;
        }
        List<RexNode> operands = call.getOperands();
        int argument = -1;
        long offset = 0;
        Object defaultValue = null;
        int inputCount = window.getInput().getRowType().getFieldCount();
        if (function.hasArgument()) {
            if (operands.isEmpty() || !(operands.get(0) instanceof RexInputRef)
                    || ((RexInputRef) operands.get(0)).getIndex() >= inputCount) {
                return null;
            }
            argument = ((RexInputRef) operands.get(0)).getIndex();
        }
        if (function == WindowFunction.LAG || function == WindowFunction.LEAD) {
            if (operands.size() > 3) {
                return null;
            }
            offset = 1;
            if (operands.size() >= 2) {
                RexLiteral literal = constant(operands.get(1), window);
                Long value = literal == null || literal.isNull() ? null : literal.getValueAs(Long.class);
                if (value == null) {
                    return null;
                }
                offset = value;
            }
            if (operands.size() == 3) {
                RexLiteral literal = constant(operands.get(2), window);
                if (literal == null) {
                    return null;
                }
                defaultValue = internalValue(literal, call.getType());
                if (defaultValue == null && !literal.isNull()) {
                    return null;
                }
            }
        } else if (operands.size() != (function.hasArgument() ? 1 : 0)) {
            return null;
        }
        ArrowType argumentType = argument < 0 ? null
                : SqlTypes.toArrowType(window.getInput().getRowType().getFieldList().get(argument).getType());
        ArrowType outputType = SqlTypes.toArrowType(call.getType());
        if (!WindowOperator.supports(function, argumentType, outputType, defaultValue != null)) {
            return null;
        }
        return new WindowCall(function, argument, offset, defaultValue, SqlTypes.toArrowField(name, call.getType()));
    }

    private static WindowFunction function(Window.RexWinAggCall call) {
        return switch (call.getOperator().getKind()) {
            case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
            case RANK -> WindowFunction.RANK;
            case DENSE_RANK -> WindowFunction.DENSE_RANK;
            case PERCENT_RANK -> WindowFunction.PERCENT_RANK;
            case CUME_DIST -> WindowFunction.CUME_DIST;
            case COUNT -> call.getOperands().isEmpty() ? WindowFunction.COUNT_STAR : WindowFunction.COUNT;
            case SUM -> WindowFunction.SUM;
            case SUM0 -> WindowFunction.SUM0;
            case AVG -> WindowFunction.AVG;
            case MIN -> WindowFunction.MIN;
            case MAX -> WindowFunction.MAX;
            case FIRST_VALUE -> WindowFunction.FIRST_VALUE;
            case LAST_VALUE -> WindowFunction.LAST_VALUE;
            case LAG -> WindowFunction.LAG;
            case LEAD -> WindowFunction.LEAD;
            default -> null;
        };
    }

    /** The literal {@code node} stands for: itself, or the window constant it refers to. */
    private static RexLiteral constant(RexNode node, Window window) {
        if (node instanceof RexLiteral) {
            return (RexLiteral) node;
        }
        if (node instanceof RexInputRef) {
            int index = ((RexInputRef) node).getIndex() - window.getInput().getRowType().getFieldCount();
            if (index >= 0 && index < window.constants.size()) {
                return window.constants.get(index);
            }
        }
        return null;
    }

    /**
     * A LAG/LEAD default as the Calcite internal value of the result type {@code type} (numbers as
     * BigDecimal, dates as days, timestamps as epoch milliseconds ...), or null when NULL or not handled.
     */
    private static Object internalValue(RexLiteral literal, RelDataType type) {
        if (literal.isNull()) {
            return null;
        }
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, FLOAT, DOUBLE ->
                    literal.getValueAs(BigDecimal.class);
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            case DATE -> literal.getValueAs(Integer.class);
            case TIMESTAMP -> literal.getValueAs(Long.class);
            default -> null;
        };
    }
}
