package io.polaroid.engine.sql;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.StrictAggImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * How {@link OrderedSetFunctions} run: as an aggregate of Calcite's row engine that collects a group's
 * non-NULL values and, at the end, sorts them and picks or interpolates the percentile. The planner turns
 * {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x DESC)} into {@code PERCENTILE_CONT_DESC(x, f)} (the
 * sort key becomes an argument; the direction becomes part of the function), and {@code MEDIAN(x)} into
 * {@code PERCENTILE_CONT_ASC(x)}.
 *
 * <p>Values arrive as Calcite's internal Java values: numbers, {@code Integer} days for DATE, {@code Long}
 * milliseconds for TIMESTAMP; interpolated dates become timestamps.
 */
public final class OrderedSetAggregation {

    /** What is computed from the sorted values. */
    public enum Kind {
        /** PERCENTILE_CONT and MEDIAN: linear interpolation between the two nearest values. */
        CONTINUOUS,
        /** PERCENTILE_DISC: the first value whose cumulative distribution reaches the fraction. */
        DISCRETE
    }

    private OrderedSetAggregation() {
    }

    /** The row-engine aggregate for {@code kind} in the given sort direction. */
    public static SqlUserDefinedAggFunction function(Kind kind, boolean descending) {
        String name = (kind == Kind.CONTINUOUS ? "PERCENTILE_CONT_" : "PERCENTILE_DISC_")
                + (descending ? "DESC" : "ASC");
        Implementation implementation = new Implementation(kind, descending);
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                binding -> kind == Kind.CONTINUOUS
                        ? OrderedSetFunctions.interpolatedType(binding.getTypeFactory(), binding.getOperandType(0))
                        : OrderedSetFunctions.nullable(binding.getTypeFactory(), binding.getOperandType(0)),
                null, null, implementation, false, false, Optionality.FORBIDDEN);
    }

    /** Whether {@code function} is one of {@link #function}'s. */
    public static boolean isOrderedSet(org.apache.calcite.sql.SqlAggFunction function) {
        return function instanceof SqlUserDefinedAggFunction
                && ((SqlUserDefinedAggFunction) function).function instanceof Implementation;
    }

    /** The Calcite function: what the validator-free aggregate call needs, and its code generator. */
    private record Implementation(Kind kind, boolean descending) implements AggregateFunction, ImplementableAggFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.ANY);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public AggImplementor getImplementor(boolean windowContext) {
            return new Implementor(kind, descending);
        }
    }

    /**
     * Generates: reset → {@code acc = new OrderedValues()}; add → {@code acc.add(x[, fraction])} (NULL
     * values skipped); result → {@code (T) acc.percentile(...)}.
     */
    private static final class Implementor extends StrictAggImplementor {
        private final Kind kind;
        private final boolean descending;

        Implementor(Kind kind, boolean descending) {
            this.kind = kind;
            this.descending = descending;
        }

        @Override
        public List<Type> getNotNullState(AggContext info) {
            return List.of(OrderedValues.class);
        }

        @Override
        protected void implementNotNullReset(AggContext info, AggResetContext reset) {
            reset.currentBlock().add(Expressions.statement(Expressions.assign(reset.accumulator().get(0),
                    Expressions.new_(OrderedValues.class))));
        }

        @Override
        protected void implementNotNullAdd(AggContext info, AggAddContext add) {
            List<Expression> arguments = add.arguments();
            Expression fraction = Expressions.convert_(arguments.size() > 1 ? Expressions.box(arguments.get(1))
                    : Expressions.constant(0.5, Double.class), Number.class);
            add.currentBlock().add(Expressions.statement(Expressions.call(add.accumulator().get(0),
                    method("add", Object.class, Number.class),
                    Expressions.convert_(Expressions.box(arguments.get(0)), Object.class), fraction)));
        }

        @Override
        protected Expression implementNotNullResult(AggContext info, AggResultContext result) {
            RelDataType value = info.parameterRelTypes().get(0);
            RelDataType type = info.returnRelType();
            String name = kind == Kind.DISCRETE ? "discrete"
                    : type.getSqlTypeName() == SqlTypeName.DOUBLE ? "continuousDouble"
                    : value.getSqlTypeName() == SqlTypeName.DATE ? "continuousDateMillis" : "continuousLong";
            Expression computed = Expressions.call(result.accumulator().get(0), method(name, boolean.class),
                    Expressions.constant(descending));
            return Expressions.convert_(computed, info.returnType());
        }

        private static java.lang.reflect.Method method(String name, Class<?>... parameters) {
            try {
                return OrderedValues.class.getMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("OrderedValues." + name + " is missing", e);
            }
        }
    }

    /** A group's values, collected in any order and sorted once for the result. Used by generated code. */
    public static final class OrderedValues {
        private static final long MILLIS_PER_DAY = 86_400_000L;
        private final List<Comparable<Object>> values = new ArrayList<>();
        private double fraction = Double.NaN;
        private boolean sorted;

        @SuppressWarnings("unchecked")
        public void add(Object value, Number fractionValue) {
            double fraction = fractionValue.doubleValue();
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the percentile fraction must be between 0 and 1, got %s", fraction));
            }
            this.fraction = fraction;
            values.add((Comparable<Object>) Objects.requireNonNull(value, "value"));
            sorted = false;
        }

        /** The first value (in sort order) whose cumulative distribution reaches the fraction. */
        public Object discrete(boolean descending) {
            sort(descending);
            int index = Math.max((int) Math.ceil(fraction * values.size()), 1) - 1;
            return values.get(index);
        }

        public Double continuousDouble(boolean descending) {
            sort(descending);
            double position = fraction * (values.size() - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            double low = ((Number) values.get(lower)).doubleValue();
            double high = ((Number) values.get(upper)).doubleValue();
            return low + (position - lower) * (high - low);
        }

        /** Interpolated epoch milliseconds of TIMESTAMP values. */
        public Long continuousLong(boolean descending) {
            return Math.round(interpolate(descending, 1));
        }

        /** Interpolated DATE values (days), as epoch milliseconds of a TIMESTAMP. */
        public Long continuousDateMillis(boolean descending) {
            return Math.round(interpolate(descending, MILLIS_PER_DAY));
        }

        private double interpolate(boolean descending, long scale) {
            sort(descending);
            double position = fraction * (values.size() - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            long low = ((Number) values.get(lower)).longValue() * scale;
            long high = ((Number) values.get(upper)).longValue() * scale;
            return low + (position - lower) * (high - low);
        }

        private void sort(boolean descending) {
            if (!sorted) {
                Comparator<Comparable<Object>> order = Comparator.naturalOrder();
                values.sort(descending ? Collections.reverseOrder(order) : order);
                sorted = true;
            }
        }
    }
}
