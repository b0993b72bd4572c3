package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Chooses the {@link Accumulator} for an aggregate call from its function, argument types and result type. */
final class Accumulators {
    private Accumulators() {
    }

    static Accumulator create(AggregateSpec spec, List<Field> inputFields, BufferAllocator allocator,
                              MemoryReservation memory) {
        int[] arguments = spec.argumentColumns();
        List<ArrowType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int argument : arguments) {
            types.add(inputFields.get(argument).getType());
            names.add(inputFields.get(argument).getName());
        }
        String description = spec.function() + "(" + (spec.distinct() ? "DISTINCT " : "")
                + String.join(", ", names) + ") as " + spec.outputField().getName();
        ArrowType out = spec.outputField().getType();
        AggregateFunction function = spec.function();
        return switch (function) {
            case COUNT_STAR, COUNT -> new CountAccumulator(arguments, description, memory);
            case SUM, SUM0, AVG -> sum(function, arguments[0], types.get(0), out, description, memory);
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> new VarianceAccumulator(arguments[0],
                    ColumnKind.of(types.get(0)), scale(types.get(0)), function, description, memory);
            case MIN, MAX -> new ExtremeAccumulator(arguments[0],
                    Extremes.create(ColumnKind.of(types.get(0)), function == AggregateFunction.MAX, memory),
                    description, memory);
            case BOOL_AND, BOOL_OR -> new ExtremeAccumulator(arguments[0],
                    Extremes.create(ColumnKind.BOOL, function == AggregateFunction.BOOL_OR, memory),
                    description, memory);
            case ARG_MIN, ARG_MAX -> new ArgExtremeAccumulator(arguments[0], arguments[1],
                    Extremes.create(ColumnKind.of(types.get(1)), function == AggregateFunction.ARG_MAX, memory),
                    GroupValues.create(spec.outputField(), allocator, memory), memory);
            case FIRST, LAST, ANY_VALUE -> new SelectedValueAccumulator(function, arguments[0],
                    GroupValues.create(spec.outputField(), allocator, memory), memory);
        };
    }

    private static Accumulator sum(AggregateFunction function, int argument, ArrowType in, ArrowType out,
                                   String description, MemoryReservation memory) {
        if (AggregateTypes.isFloating(in)) {
            return new DoubleSumAccumulator(argument, function, description, memory);
        }
        if (AggregateTypes.isInteger(in) && AggregateTypes.isInteger(out) && function != AggregateFunction.AVG) {
            return new LongSumAccumulator(argument, function == AggregateFunction.SUM0, description, memory);
        }
        return new WideSumAccumulator(argument, AggregateTypes.isDecimal(in), scale(in), function, description,
                memory);
    }

    private static int scale(ArrowType type) {
        return type instanceof ArrowType.Decimal decimal ? decimal.getScale() : 0;
    }
}
