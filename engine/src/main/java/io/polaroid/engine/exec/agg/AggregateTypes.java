package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnKind;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Which argument and result types each {@link AggregateFunction} accepts. The planner decides result types
 * (Calcite's or DuckDB's conventions); the operator computes in a wide internal form and converts to
 * exactly the requested type:
 * <ul>
 *   <li>COUNT_STAR, COUNT: any argument types (DISTINCT: comparable ones); result a signed Int.</li>
 *   <li>SUM, SUM0: integer argument → Int (overflow is 22003), Decimal (any scale) or FloatingPoint;
 *       Decimal argument → Decimal (rescaled, precision checked) or FloatingPoint;
 *       FloatingPoint argument → FloatingPoint.</li>
 *   <li>AVG: integer, Decimal or FloatingPoint argument → FloatingPoint, Decimal (rounded half up) or
 *       Int (truncated toward zero, as Calcite's integer AVG).</li>
 *   <li>STDDEV_POP/SAMP, VAR_POP/SAMP: numeric argument → FloatingPoint or Decimal.</li>
 *   <li>MIN, MAX: a comparable argument (see {@link ColumnKind#isComparable()}) → the argument's type.</li>
 *   <li>ANY_VALUE, FIRST, LAST: a comparable argument → the argument's type.</li>
 *   <li>ARG_MIN, ARG_MAX(arg, val): comparable arg and val → arg's type.</li>
 *   <li>BOOL_AND, BOOL_OR: Bool → Bool.</li>
 * </ul>
 */
final class AggregateTypes {
    private AggregateTypes() {
    }

    static boolean supports(AggregateFunction function, List<ArrowType> args, ArrowType out, boolean distinct) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(args, "argumentTypes");
        Objects.requireNonNull(out, "outputType");
        if (distinct && (function == AggregateFunction.COUNT_STAR || !allComparable(args))) {
            return false;
        }
        return switch (function) {
            case COUNT_STAR -> args.isEmpty() && isInteger(out);
            case COUNT -> !args.isEmpty() && isInteger(out);
            case SUM, SUM0 -> args.size() == 1 && sumResultSupported(args.get(0), out);
            case AVG -> args.size() == 1 && isNumeric(args.get(0))
                    && (isInteger(out) || isDecimal(out) || isFloating(out));
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> args.size() == 1 && isNumeric(args.get(0))
                    && (isDecimal(out) || isFloating(out));
            case MIN, MAX, ANY_VALUE, FIRST, LAST -> args.size() == 1 && isComparable(args.get(0))
                    && args.get(0).equals(out);
            case ARG_MIN, ARG_MAX -> args.size() == 2 && allComparable(args) && args.get(0).equals(out);
            case BOOL_AND, BOOL_OR -> args.size() == 1 && args.get(0) instanceof ArrowType.Bool
                    && out instanceof ArrowType.Bool;
        };
    }

    private static boolean sumResultSupported(ArrowType arg, ArrowType out) {
        if (isInteger(arg)) {
            return isInteger(out) || isDecimal(out) || isFloating(out);
        }
        if (isDecimal(arg)) {
            return isDecimal(out) || isFloating(out);
        }
        return isFloating(arg) && isFloating(out);
    }

    static boolean isInteger(ArrowType type) {
        return type instanceof ArrowType.Int i && i.getIsSigned();
    }

    static boolean isDecimal(ArrowType type) {
        return ColumnKind.of(type) == ColumnKind.DECIMAL;
    }

    static boolean isFloating(ArrowType type) {
        return ColumnKind.of(type) == ColumnKind.FLOATING;
    }

    static boolean isNumeric(ArrowType type) {
        return isInteger(type) || isDecimal(type) || isFloating(type);
    }

    private static boolean isComparable(ArrowType type) {
        return ColumnKind.of(type).isComparable();
    }

    private static boolean allComparable(List<ArrowType> types) {
        for (ArrowType type : types) {
            if (!isComparable(type)) {
                return false;
            }
        }
        return true;
    }
}
