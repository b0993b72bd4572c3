package io.polaroid.engine.expr;

import io.polaroid.engine.exec.vector.ColumnValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * Compiles {@code column <op> constant} and single-range SEARCHes into {@link ColumnRange}s when the
 * column's layout and the constant allow an exact comparison on the column's own representation; the
 * compiler uses the general evaluators otherwise. The constant is a literal or a parameter (bound per
 * execution; a NULL parameter falls back to the general path, which yields NULL).
 *
 * <p>Bounds are computed exactly: {@code qty < 2.5} on an integer column is {@code qty <= 2}, and
 * {@code amount = 1.234} on a DECIMAL(10, 2) column matches nothing.
 */
final class ColumnRanges {
    private ColumnRanges() {
    }

    /** {@code left op right} as a column range, or null when it is not one this class handles. */
    static CompiledExpression.Binder compile(Comparison.Op op, RexNode left, RexNode right,
                                             CompiledExpression.Binder general) {
        Comparison.Op actual = op;
        RexNode column = left;
        RexNode constant = right;
        if (isConstant(left) && right instanceof RexInputRef) {
            column = right;
            constant = left;
            actual = flipped(op);
        }
        if (isFoldable(left) && right instanceof RexInputRef) {
            column = right;
            constant = left;
            actual = flipped(op);
        }
        if (actual == null || !(column instanceof RexInputRef) || !isConstant(constant) && !isFoldable(constant)) {
            return null;
        }
        ColumnRange.Layout layout = layout(column.getType());
        if (layout == null || !comparable(column.getType(), constant.getType(), layout)) {
            return null;
        }
        int index = ((RexInputRef) column).getIndex();
        RelDataType columnType = column.getType();
        RexNode value = constant;
        Comparison.Op comparison = actual;
        if (value instanceof RexLiteral || value instanceof RexCall) {
            // a call here is literal-only (DATE '1998-12-01' - INTERVAL '90' DAY): folded once, now
            Object literal = value instanceof RexLiteral ? Literals.value((RexLiteral) value, value.getType())
                    : FoldedConstant.valueAtCompileTime(value).orElse(null);
            if (literal == null) {
                return null;
            }
            ColumnRange range = build(index, layout, columnType, comparison, literal);
            return range == null ? null : env -> range.copy();
        }
        int parameter = ((RexDynamicParam) value).getIndex();
        return env -> {
            Object bound = Literals.parameter(env.parameters().vectorValue(parameter));
            ColumnRange range = bound == null ? null : build(index, layout, columnType, comparison, bound);
            return range != null ? range : general.bind(env);
        };
    }

    /** A SEARCH of one range (BETWEEN, a range of an IN) over a column, or null. */
    static CompiledExpression.Binder compileRange(RexNode operand, Sarg<?> sarg) {
        if (!(operand instanceof RexInputRef) || sarg.nullAs != org.apache.calcite.rex.RexUnknownAs.UNKNOWN
                || sarg.rangeSet.asRanges().size() != 1) {
            return null;
        }
        ColumnRange.Layout layout = layout(operand.getType());
        if (layout == null || layout == ColumnRange.Layout.BYTES) {
            return null;
        }
        com.google.common.collect.Range<?> range = sarg.rangeSet.asRanges().iterator().next();
        int index = ((RexInputRef) operand).getIndex();
        RelDataType type = operand.getType();
        ColumnRange lower = range.hasLowerBound() ? build(index, layout, type,
                range.lowerBoundType() == com.google.common.collect.BoundType.CLOSED ? Comparison.Op.GE : Comparison.Op.GT,
                endpoint(range.lowerEndpoint(), type)) : null;
        ColumnRange upper = range.hasUpperBound() ? build(index, layout, type,
                range.upperBoundType() == com.google.common.collect.BoundType.CLOSED ? Comparison.Op.LE : Comparison.Op.LT,
                endpoint(range.upperEndpoint(), type)) : null;
        if (range.hasLowerBound() && lower == null || range.hasUpperBound() && upper == null) {
            return null;
        }
        ColumnRange both = lower == null ? upper : upper == null ? lower : lower.intersect(upper);
        return both == null ? null : env -> both.copy();
    }

    /** A Sarg endpoint: numbers exactly as written (the bounds round them), others in the vector form. */
    private static Object endpoint(Object value, RelDataType type) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number && !(value instanceof Double) && !(value instanceof Float)) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return Literals.convert(value, type);
    }

    private static boolean isFoldable(RexNode node) {
        return node instanceof RexCall && FoldedConstant.valueAtCompileTime(node).isPresent();
    }

    private static boolean isConstant(RexNode node) {
        return node instanceof RexLiteral && !((RexLiteral) node).isNull() || node instanceof RexDynamicParam;
    }

    private static Comparison.Op flipped(Comparison.Op op) {
        switch (op) {
            case EQ:
            case NE:
                return op;
            case LT:
                return Comparison.Op.GT;
            case LE:
                return Comparison.Op.GE;
            case GT:
                return Comparison.Op.LT;
            case GE:
                return Comparison.Op.LE;
            default:
                return null; // IS [NOT] DISTINCT FROM: NULL semantics of their own
        }
    }

    /** The data layout of a column of SQL type {@code type} (the catalog's one Arrow type per SQL type). */
    static ColumnRange.Layout layout(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case TINYINT:
                return ColumnRange.Layout.INT8;
            case SMALLINT:
                return ColumnRange.Layout.INT16;
            case INTEGER:
            case DATE:
                return ColumnRange.Layout.INT32;
            case BIGINT:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return ColumnRange.Layout.INT64;
            case REAL:
                return ColumnRange.Layout.FLOAT32;
            case DOUBLE:
            case FLOAT:
                return ColumnRange.Layout.FLOAT64;
            case DECIMAL:
                return ColumnRange.Layout.DECIMAL;
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return ColumnRange.Layout.BYTES;
            default:
                return null;
        }
    }

    /** Whether a constant of {@code constant}'s type compares with the column's values without a cast. */
    private static boolean comparable(RelDataType column, RelDataType constant, ColumnRange.Layout layout) {
        SqlTypeName c = column.getSqlTypeName();
        SqlTypeName k = constant.getSqlTypeName();
        switch (c) {
            case DATE:
            case TIME:
                return k == c;
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return k == SqlTypeName.TIMESTAMP || k == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
            case CHAR:
            case VARCHAR:
                return k == SqlTypeName.CHAR || k == SqlTypeName.VARCHAR;
            case BINARY:
            case VARBINARY:
                return k == SqlTypeName.BINARY || k == SqlTypeName.VARBINARY;
            default:
                // numbers: exact columns take exact constants; floating columns any number
                boolean exactConstant = SqlTypeName.INT_TYPES.contains(k) || k == SqlTypeName.DECIMAL;
                return layout == ColumnRange.Layout.FLOAT32 || layout == ColumnRange.Layout.FLOAT64
                        ? exactConstant || SqlTypeName.APPROX_TYPES.contains(k) : exactConstant;
        }
    }

    /** {@code column op value} as a range, {@code value} in the vector representation; null if not exact. */
    static ColumnRange build(int column, ColumnRange.Layout layout, RelDataType type, Comparison.Op op, Object value) {
        switch (layout) {
            case BYTES:
                if ((op == Comparison.Op.EQ || op == Comparison.Op.NE) && value instanceof byte[]) {
                    return ColumnRange.ofBytes(column, (byte[]) value, op == Comparison.Op.NE);
                }
                return null;
            case FLOAT32:
            case FLOAT64: {
                if (!(value instanceof Number)) {
                    return null;
                }
                long bits = ColumnValues.sortableBits(((Number) value).doubleValue());
                return longRange(column, layout, op, bits, bits);
            }
            case DECIMAL: {
                BigDecimal number = decimal(value);
                if (number == null) {
                    return null;
                }
                BigInteger[] bounds = bounds(op, number, Math.max(0, type.getScale()));
                BigInteger low = bounds[0] == null ? ColumnRange.MIN_DECIMAL : bounds[0].max(ColumnRange.MIN_DECIMAL);
                BigInteger high = bounds[1] == null ? ColumnRange.MAX_DECIMAL : bounds[1].min(ColumnRange.MAX_DECIMAL);
                if (low.compareTo(high) > 0) {
                    return op == Comparison.Op.NE ? everything(column, layout) : nothing(column, layout);
                }
                return ColumnRange.ofDecimals(column, low, high, op == Comparison.Op.NE);
            }
            default: {
                SqlTypeName name = type.getSqlTypeName();
                boolean temporal = name == SqlTypeName.DATE || name == SqlTypeName.TIME || name == SqlTypeName.TIMESTAMP
                        || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
                if (temporal) {
                    if (!(value instanceof Long)) {
                        return null;
                    }
                    long v = (Long) value;
                    return longRange(column, layout, op, v, v);
                }
                BigDecimal number = decimal(value);
                if (number == null) {
                    return null;
                }
                BigInteger[] bounds = bounds(op, number, 0);
                long low = bounds[0] == null ? Long.MIN_VALUE : clamp(bounds[0]);
                long high = bounds[1] == null ? Long.MAX_VALUE : clamp(bounds[1]);
                return ColumnRange.ofLongs(column, layout, low, high, op == Comparison.Op.NE);
            }
        }
    }

    /** A range over longs of {@code column op [low..high]} where the constant is the single value low == high. */
    private static ColumnRange longRange(int column, ColumnRange.Layout layout, Comparison.Op op, long low, long high) {
        switch (op) {
            case EQ:
                return ColumnRange.ofLongs(column, layout, low, high, false);
            case NE:
                return ColumnRange.ofLongs(column, layout, low, high, true);
            case LT:
                return low == Long.MIN_VALUE ? nothing(column, layout)
                        : ColumnRange.ofLongs(column, layout, Long.MIN_VALUE, low - 1, false);
            case LE:
                return ColumnRange.ofLongs(column, layout, Long.MIN_VALUE, low, false);
            case GT:
                return low == Long.MAX_VALUE ? nothing(column, layout)
                        : ColumnRange.ofLongs(column, layout, low + 1, Long.MAX_VALUE, false);
            case GE:
                return ColumnRange.ofLongs(column, layout, low, Long.MAX_VALUE, false);
            default:
                return null;
        }
    }

    private static ColumnRange nothing(int column, ColumnRange.Layout layout) {
        return layout == ColumnRange.Layout.DECIMAL
                ? ColumnRange.ofDecimals(column, BigInteger.ONE, BigInteger.ZERO, false)
                : ColumnRange.ofLongs(column, layout, 1, 0, false);
    }

    private static ColumnRange everything(int column, ColumnRange.Layout layout) {
        return layout == ColumnRange.Layout.DECIMAL
                ? ColumnRange.ofDecimals(column, BigInteger.ONE, BigInteger.ZERO, true)
                : ColumnRange.ofLongs(column, layout, 1, 0, true);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return null;
    }

    /**
     * Inclusive bounds (null: unbounded) of the unscaled values {@code x} at {@code scale} with
     * {@code x op value}; an EQ with a value that has more digits than the scale gets an empty range.
     */
    private static BigInteger[] bounds(Comparison.Op op, BigDecimal value, int scale) {
        BigDecimal scaled = value.movePointRight(scale);
        BigInteger floor = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger ceil = scaled.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        switch (op) {
            case EQ:
            case NE:
                return floor.equals(ceil) ? new BigInteger[] {floor, floor}
                        : new BigInteger[] {BigInteger.ONE, BigInteger.ZERO};
            case LT:
                return new BigInteger[] {null, ceil.subtract(BigInteger.ONE)};
            case LE:
                return new BigInteger[] {null, floor};
            case GT:
                return new BigInteger[] {floor.add(BigInteger.ONE), null};
            default:
                return new BigInteger[] {ceil, null};
        }
    }

    private static long clamp(BigInteger value) {
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
