package io.polaroid.engine.exec.window;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.RowStore;
import io.polaroid.engine.exec.vector.VectorGather;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Window functions over Arrow batches. The input is copied into a {@link RowStore} (a window needs whole
 * partitions); for each {@link WindowGroup} the row ids are sorted by partition and order keys
 * ({@link SortedRows}) and every function of the group is computed in one pass per partition into a
 * per-row result. The output is the input's columns, copied untouched and in input order, followed by
 * one column per function in group order.
 *
 * <p>Heap arrays (sort order, argument values, results) are accounted to the query's allocator like the
 * stored rows, so the query memory limit covers the operator; loops check for cancellation. The operator
 * closes its input when closed.
 */
public final class WindowOperator implements BatchSource {
    private static final String NAME = "window";
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private final ExecutionContext context;
    private final BatchSource input;
    private final List<WindowGroup> groups;
    private final Schema schema;
    private final MemoryReservation resultMemory;

    private RowStore store;
    private final List<WindowResult> results = new ArrayList<>();
    private OutputBatch output;
    private boolean prepared;
    private int position;
    private boolean closed;

    public WindowOperator(ExecutionContext context, BatchSource input, List<WindowGroup> groups) {
        this.context = Objects.requireNonNull(context, "context");
        this.input = Objects.requireNonNull(input, "input");
        this.groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        List<Field> inputFields = input.schema().getFields();
        List<Field> fields = new ArrayList<>(inputFields);
        for (WindowGroup group : this.groups) {
            checkColumns(group, inputFields);
            for (WindowCall call : group.calls()) {
                ArrowType argumentType = call.argument() < 0 ? null : inputFields.get(call.argument()).getType();
                if (!supports(call.function(), argumentType, call.output().getType(), call.defaultValue() != null)) {
                    throw new IllegalArgumentException("window operator cannot compute " + call.function() + " of "
                            + argumentType + " as " + call.output().getType());
                }
                fields.add(outputField(call, inputFields));
            }
        }
        this.schema = new Schema(fields);
        this.resultMemory = new MemoryReservation(context.allocator(), NAME);
    }

    /**
     * Whether the operator computes {@code function} of an argument of {@code argumentType} (null when the
     * function has none) into a column of {@code outputType}.
     */
    public static boolean supports(WindowFunction function, ArrowType argumentType, ArrowType outputType,
                                   boolean hasDefault) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(outputType, "outputType");
        ColumnKind kind = argumentType == null ? null : ColumnKind.of(argumentType);
        boolean integer = argumentType instanceof ArrowType.Int && kind == ColumnKind.LONG;
        return switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK, COUNT_STAR, COUNT -> BIGINT.equals(outputType);
            case PERCENT_RANK, CUME_DIST -> DOUBLE.equals(outputType);
            case SUM, SUM0 -> (integer && BIGINT.equals(outputType))
                    || ((integer || kind == ColumnKind.FLOATING) && DOUBLE.equals(outputType));
            case AVG -> (integer || kind == ColumnKind.FLOATING) && DOUBLE.equals(outputType);
            case MIN, MAX -> (kind == ColumnKind.LONG || kind == ColumnKind.BOOL || kind == ColumnKind.FLOATING)
                    && argumentType.equals(outputType);
            case FIRST_VALUE, LAST_VALUE, LAG, LEAD -> kind != null && kind != ColumnKind.OTHER
                    && argumentType.equals(outputType);
        } && (!hasDefault || function == WindowFunction.LAG || function == WindowFunction.LEAD);
    }

    private static void checkColumns(WindowGroup group, List<Field> inputFields) {
        List<Integer> columns = new ArrayList<>(group.partitionColumns());
        group.orderKeys().forEach(key -> columns.add(key.column()));
        group.calls().stream().filter(call -> call.argument() >= 0).forEach(call -> columns.add(call.argument()));
        for (int column : columns) {
            if (column >= inputFields.size()) {
                throw new IllegalArgumentException("window column " + column + " out of range of " + inputFields);
            }
        }
        for (int column : group.partitionColumns()) {
            if (!ColumnKind.of(inputFields.get(column).getType()).isComparable()) {
                throw new IllegalArgumentException("cannot partition by " + inputFields.get(column));
            }
        }
    }

    /** Values taken from another row keep the argument column's exact type (time zone, precision ...). */
    private static Field outputField(WindowCall call, List<Field> inputFields) {
        if (call.function().hasArgument() && !(call.function() == WindowFunction.COUNT
                || call.function() == WindowFunction.SUM || call.function() == WindowFunction.SUM0
                || call.function() == WindowFunction.AVG)) {
            Field argument = inputFields.get(call.argument());
            return new Field(call.output().getName(), new FieldType(true, argument.getType(), null,
                    call.output().getMetadata()), argument.getChildren());
        }
        return call.output();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException(NAME + " is closed");
        }
        try {
            if (!prepared) {
                prepare();
                prepared = true;
            }
            return emit();
        } catch (OutOfMemoryException e) {
            throw MemoryReservation.limitExceeded(NAME, context.allocator(), 0, e);
        }
    }

    private void prepare() {
        store = new RowStore(context.allocator(), input.schema().getFields());
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            context.checkCancelled();
            store.append(batch.columns(), 0, batch.rowCount());
        }
        context.checkCancelled();
        for (WindowGroup group : groups) {
            try (MemoryReservation groupMemory = new MemoryReservation(context.allocator(), NAME)) {
                SortedRows sorted = SortedRows.sort(context, store, group.partitionColumns(), group.orderKeys(),
                        group.needsPeers(), groupMemory);
                Map<String, ArgumentValues> arguments = new HashMap<>();
                for (WindowCall call : group.calls()) {
                    compute(call, group.frame(), sorted, arguments, groupMemory);
                    context.checkCancelled();
                }
            }
        }
    }

    /** Computes {@code call} into a result registered (for output and closing) before any work can fail. */
    private void compute(WindowCall call, WindowFrame frame, SortedRows sorted,
                                 Map<String, ArgumentValues> arguments, MemoryReservation groupMemory) {
        int rowCount = store.rowCount();
        WindowFunction function = call.function();
        switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK -> {
                LongResult result = register(new LongResult(rowCount, false, resultMemory));
                PositionKernels.rank(function, sorted, result, context);
            }
            case PERCENT_RANK, CUME_DIST -> {
                DoubleResult result = register(new DoubleResult(rowCount, resultMemory));
                PositionKernels.relativeRank(function, sorted, result, context);
            }
            case LAG, LEAD -> {
                RowReferences result = references(call);
                PositionKernels.offset(function == WindowFunction.LEAD, call.offset(), call.defaultValue() != null,
                        sorted, result, context);
            }
            case COUNT_STAR, COUNT -> {
                LongResult result = register(new LongResult(rowCount, false, resultMemory));
                boolean[] nulls = function == WindowFunction.COUNT_STAR ? null
                        : argument(call, ArgumentValues.Form.NULLS, sorted, arguments, groupMemory).nulls;
                SlidingAggregate.slide(sorted, frame, new CountAggregate(nulls, result), context);
            }
            case SUM, SUM0, AVG -> {
                if (BIGINT.equals(call.output().getType())) {
                    LongResult result = register(new LongResult(rowCount, true, resultMemory));
                    ArgumentValues values = argument(call, ArgumentValues.Form.LONGS, sorted, arguments, groupMemory);
                    SlidingAggregate.slide(sorted, frame, new LongSumAggregate(values, function == WindowFunction.SUM0,
                            result, function + " of column " + store.fields().get(call.argument()).getName()), context);
                    return;
                }
                DoubleResult result = register(new DoubleResult(rowCount, resultMemory));
                ArgumentValues values = argument(call, ArgumentValues.Form.DOUBLES, sorted, arguments, groupMemory);
                SlidingAggregate.slide(sorted, frame, new DoubleSumAggregate(values, function, result), context);
            }
            case MIN, MAX -> {
                RowReferences result = references(call);
                ArgumentValues values = argument(call, ArgumentValues.Form.SORTABLE, sorted, arguments, groupMemory);
                groupMemory.reserve(4L * rowCount);
                ExtremeAggregate extremes = new ExtremeAggregate(values, function == WindowFunction.MAX, sorted,
                        result, new int[rowCount]);
                SlidingAggregate.slide(sorted, frame, extremes, context);
            }
            case FIRST_VALUE, LAST_VALUE -> {
                RowReferences result = references(call);
                SlidingAggregate.slide(sorted, frame,
                        new FrameEdgeAggregate(function == WindowFunction.LAST_VALUE, sorted, result), context);
            }
            default -> throw new IllegalStateException("unhandled window function " + function);
        }
    }

    private RowReferences references(WindowCall call) {
        return register(new RowReferences(store, call.argument(), call.defaultValue(), context.allocator(),
                resultMemory));
    }

    private <R extends WindowResult> R register(R result) {
        results.add(result);
        return result;
    }

    private ArgumentValues argument(WindowCall call, ArgumentValues.Form form, SortedRows sorted,
                                    Map<String, ArgumentValues> loaded, MemoryReservation memory) {
        return loaded.computeIfAbsent(call.argument() + "/" + form,
                key -> ArgumentValues.load(store, call.argument(), sorted, form, memory));
    }

    private Batch emit() {
        context.checkCancelled();
        int rowCount = store.rowCount();
        if (position >= rowCount) {
            return null;
        }
        int chunk = RowStore.chunkOf(position);
        int inChunk = RowStore.indexInChunk(position);
        // a batch never straddles two chunks of the store, so input columns copy as contiguous ranges
        int rows = Math.min(Math.min(context.batchRows(), rowCount - position), RowStore.CHUNK_ROWS - inChunk);
        if (output == null) {
            output = new OutputBatch(schema.getFields(), context.allocator());
        }
        output.reset();
        int inputColumns = store.columnCount();
        for (int c = 0; c < inputColumns; c++) {
            VectorGather.copyRange(store.chunks(c)[chunk], inChunk, rows, output.vector(c), 0);
        }
        for (int k = 0; k < results.size(); k++) {
            results.get(k).write(position, rows, output.vector(inputColumns + k));
        }
        position += rows;
        return output.finish(rows);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> resources = new ArrayList<>(results);
        results.clear();
        resources.add(output);
        resources.add(store);
        resources.add(resultMemory);
        resources.add(input);
        Closeables.closeAll(resources.toArray(new AutoCloseable[0]));
    }
}
