package io.polaroid.engine.exec.agg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One aggregate call of a {@link HashAggregateOperator}.
 *
 * @param function        what to compute
 * @param argumentColumns input column indices of the arguments (none for {@code COUNT(*)}, two for
 *                        {@code ARG_MIN/ARG_MAX(arg, val)})
 * @param distinct        whether only distinct argument values of a group count ({@code COUNT(DISTINCT x)})
 * @param filterColumn    input column index of a Bool column; a row contributes only where it is TRUE
 *                        ({@code FILTER (WHERE ...)}), or -1 for none
 * @param outputField     the result column; the operator produces exactly this Arrow type
 */
public record AggregateSpec(AggregateFunction function, int[] argumentColumns, boolean distinct,
                            int filterColumn, Field outputField) {

    public AggregateSpec {
        Objects.requireNonNull(function, "function");
        argumentColumns = Objects.requireNonNull(argumentColumns, "argumentColumns").clone();
        Objects.requireNonNull(outputField, "outputField");
        if (filterColumn < -1) {
            throw new IllegalArgumentException("filterColumn must be a column index or -1: " + filterColumn);
        }
        for (int column : argumentColumns) {
            if (column < 0) {
                throw new IllegalArgumentException("negative argument column " + column + " for " + function);
            }
        }
    }

    @Override
    public int[] argumentColumns() {
        return argumentColumns.clone();
    }

    /**
     * Whether the operator can compute {@code function} over arguments of these types into {@code outputType}.
     * The planner asks before choosing the vectorized aggregate and falls back to Calcite's implementation
     * when the answer is no. See {@link AggregateTypes} for the rules.
     */
    public static boolean supports(AggregateFunction function, List<ArrowType> argumentTypes, ArrowType outputType,
                                   boolean distinct) {
        return AggregateTypes.supports(function, argumentTypes, outputType, distinct);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AggregateSpec that
                && function == that.function
                && Arrays.equals(argumentColumns, that.argumentColumns)
                && distinct == that.distinct
                && filterColumn == that.filterColumn
                && outputField.equals(that.outputField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, Arrays.hashCode(argumentColumns), distinct, filterColumn, outputField);
    }

    @Override
    public String toString() {
        return function + (distinct ? "(DISTINCT " : "(") + Arrays.toString(argumentColumns)
                + (filterColumn >= 0 ? ") FILTER $" + filterColumn : ")") + " -> " + outputField;
    }
}
