package io.polaroid.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A condition on one column that lets a scan skip files and row groups: {@code column operator values}.
 * Values use the representation of the column's type (Long for integers, dates, times and timestamps;
 * Double; BigDecimal; String; Boolean). Pruning is conservative: a value of another type, NaN or null, or
 * missing statistics keep the data.
 *
 * @param values none for IS_NULL / IS_NOT_NULL, one for comparisons, one or more for IN
 */
public record ColumnPredicate(String column, Operator operator, List<Object> values) {

    public enum Operator { EQ, NE, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL, IN }

    public ColumnPredicate {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(operator, "operator");
        // Values may contain null (x IN (1, NULL)), which List.copyOf rejects.
        values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
        int expected = switch (operator) {
            case IS_NULL, IS_NOT_NULL -> 0;
            case IN -> -1;
            default -> 1;
        };
        if (expected >= 0 && values.size() != expected) {
            throw new IllegalArgumentException(operator + " takes " + expected + " values, got " + values.size());
        }
        if (expected < 0 && values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
    }

    public static ColumnPredicate compare(String column, Operator operator, Object value) {
        return new ColumnPredicate(column, operator, Collections.singletonList(value));
    }

    public static ColumnPredicate eq(String column, Object value) {
        return compare(column, Operator.EQ, value);
    }

    public static ColumnPredicate in(String column, Object... values) {
        return new ColumnPredicate(column, Operator.IN, Arrays.asList(values));
    }

    public static ColumnPredicate isNull(String column) {
        return new ColumnPredicate(column, Operator.IS_NULL, List.of());
    }

    public static ColumnPredicate isNotNull(String column) {
        return new ColumnPredicate(column, Operator.IS_NOT_NULL, List.of());
    }

    /** The single value of a comparison. */
    public Object value() {
        if (values.size() != 1) {
            throw new IllegalStateException(operator + " has " + values.size() + " values");
        }
        return values.get(0);
    }
}
