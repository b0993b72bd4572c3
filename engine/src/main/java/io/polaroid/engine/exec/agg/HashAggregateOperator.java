package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.KeyTable;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * GROUP BY with aggregates, by hashing. Each input batch is assigned group ids in one vectorized pass over
 * a {@link KeyTable} (the first row of each new group is kept in a {@link RowStore} as the group's key),
 * then every aggregate's {@link Accumulator} runs one loop over the batch indexed by group id. When the
 * input ends, groups are emitted in order of first appearance, {@code batchRows} at a time.
 *
 * <p>Output columns are the group columns (input types) followed by one column per aggregate (exactly its
 * {@link AggregateSpec#outputField()} type). Without group columns the aggregate is global: exactly one
 * row, even for an empty input (COUNT 0, SUM NULL ...). NULL group keys form one group. The operator owns
 * and closes its input.
 */
public final class HashAggregateOperator implements BatchSource {
    private static final String NAME = "hash aggregate";

    private final ExecutionContext context;
    private final BatchSource input;
    private final int[] groupColumns;
    private final List<AggregateSpec> aggregates;
    private final Schema outputSchema;
    private final MemoryReservation memory;

    private KeyTable keyTable;
    private RowStore keys;
    private Accumulator[] accumulators;
    private DistinctRows[] distincts;
    private int groupCount;
    private int[] groupIds = new int[0];
    private int[] newGroupRows = new int[0];
    private int[] allRows = new int[0];
    private int[] filtered = new int[0];
    private int[] distinctRows = new int[0];
    private OutputBatch output;
    private boolean consumed;
    private int emitted;
    private boolean closed;

    public HashAggregateOperator(ExecutionContext ctx, BatchSource input, int[] groupColumns,
                                 List<AggregateSpec> aggregates, Schema outputSchema) {
        this.context = Objects.requireNonNull(ctx, "ctx");
        this.input = Objects.requireNonNull(input, "input");
        this.groupColumns = Objects.requireNonNull(groupColumns, "groupColumns").clone();
        this.aggregates = List.copyOf(Objects.requireNonNull(aggregates, "aggregates"));
        this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
        validate(input.schema().getFields());
        this.memory = new MemoryReservation(ctx.allocator(), NAME);
    }

    /** Whether columns of these types can be GROUP BY keys together. */
    public static boolean supportsGroupTypes(List<ArrowType> types) {
        return types.isEmpty() || KeyTable.supports(types);
    }

    @Override
    public Schema schema() {
        return outputSchema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException(NAME + " is closed");
        }
        try {
            if (!consumed) {
                consume();
            }
            return emit();
        } catch (OutOfMemoryException e) {
            throw MemoryReservation.limitExceeded(NAME, context.allocator(), 0, e);
        }
    }

    private void consume() {
        List<Field> fields = input.schema().getFields();
        accumulators = new Accumulator[aggregates.size()];
        distincts = new DistinctRows[aggregates.size()];
        for (int j = 0; j < accumulators.length; j++) {
            AggregateSpec spec = aggregates.get(j);
            accumulators[j] = Accumulators.create(spec, fields, context.allocator(), memory);
            if (spec.distinct() && distinctMatters(spec.function())) {
                distincts[j] = new DistinctRows(spec.argumentColumns(), fields, context.allocator());
            }
        }
        if (groupColumns.length > 0) {
            List<ArrowType> types = new ArrayList<>();
            List<Field> keyFields = new ArrayList<>();
            for (int column : groupColumns) {
                types.add(fields.get(column).getType());
                keyFields.add(fields.get(column));
            }
            keyTable = KeyTable.create(types, true, context.allocator(), NAME);
            keys = new RowStore(context.allocator(), keyFields);
        } else {
            addGroups(1);
        }
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            context.checkCancelled();
            if (batch.rowCount() > 0) {
                assignGroups(batch);
                for (int j = 0; j < accumulators.length; j++) {
                    accumulate(j, batch);
                }
            }
        }
        consumed = true;
    }

    private void assignGroups(Batch batch) {
        int rows = batch.rowCount();
        if (groupIds.length < rows) {
            int capacity = Math.max(rows, groupIds.length * 2);
            memory.resize(20L * groupIds.length, 20L * capacity);
            groupIds = new int[capacity];
            newGroupRows = new int[capacity];
            filtered = new int[capacity];
            distinctRows = new int[capacity];
            allRows = new int[capacity];
            for (int i = 0; i < capacity; i++) {
                allRows[i] = i;
            }
        }
        if (keyTable == null) {
            Arrays.fill(groupIds, 0, rows, 0);
            return;
        }
        List<FieldVector> keyColumns = new ArrayList<>(groupColumns.length);
        for (int column : groupColumns) {
            keyColumns.add(batch.column(column));
        }
        int before = keyTable.size();
        keyTable.insert(keyColumns, rows, groupIds);
        int after = keyTable.size();
        if (after > before) {
            // New groups got consecutive ids in row order: their first rows become the groups' keys.
            int added = 0;
            int nextId = before;
            for (int row = 0; row < rows && nextId < after; row++) {
                if (groupIds[row] == nextId) {
                    newGroupRows[added++] = row;
                    nextId++;
                }
            }
            keys.append(keyColumns, newGroupRows, 0, added);
            addGroups(after - before);
        }
    }

    private void addGroups(int count) {
        groupCount += count;
        for (Accumulator accumulator : accumulators) {
            accumulator.ensureGroups(groupCount);
        }
    }

    private void accumulate(int j, Batch batch) {
        AggregateSpec spec = aggregates.get(j);
        int[] rows = allRows;
        int count = batch.rowCount();
        if (spec.filterColumn() >= 0) {
            count = selectTrue(batch.column(spec.filterColumn()), count, filtered);
            rows = filtered;
        }
        if (distincts[j] != null) {
            count = distincts[j].filter(batch, groupIds, rows, count, distinctRows);
            rows = distinctRows;
        }
        if (count > 0) {
            accumulators[j].add(batch, groupIds, rows, count);
        }
    }

    /** The rows where a Bool column is TRUE (not FALSE, not NULL). */
    private static int selectTrue(FieldVector filter, int rowCount, int[] out) {
        ArrowBuf validity = filter.getValidityBuffer();
        ArrowBuf data = filter.getDataBuffer();
        int selected = 0;
        for (int row = 0; row < rowCount; row++) {
            if ((BitVectorHelper.get(validity, row) & BitVectorHelper.get(data, row)) != 0) {
                out[selected++] = row;
            }
        }
        return selected;
    }

    /** Functions whose result can change when duplicate values are removed. */
    private static boolean distinctMatters(AggregateFunction function) {
        return switch (function) {
            case COUNT, SUM, SUM0, AVG, STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP, LAST -> true;
            default -> false;
        };
    }

    private Batch emit() {
        context.checkCancelled();
        if (emitted >= groupCount) {
            return null;
        }
        int rows = Math.min(context.batchRows(), groupCount - emitted);
        if (output == null) {
            output = new OutputBatch(outputSchema.getFields(), context.allocator());
        }
        output.reset();
        if (keys != null) {
            int[] ids = new int[rows];
            for (int i = 0; i < rows; i++) {
                ids[i] = emitted + i;
            }
            for (int c = 0; c < groupColumns.length; c++) {
                keys.gather(c, ids, 0, rows, output.vector(c), 0);
            }
        }
        for (int j = 0; j < accumulators.length; j++) {
            accumulators[j].write(emitted, rows, output.vector(groupColumns.length + j));
        }
        emitted += rows;
        return output.finish(rows);
    }

    private void validate(List<Field> fields) {
        List<ArrowType> groupTypes = new ArrayList<>();
        for (int column : groupColumns) {
            checkColumn(fields, column, "group");
            groupTypes.add(fields.get(column).getType());
        }
        if (!supportsGroupTypes(groupTypes)) {
            throw new IllegalArgumentException("cannot group by columns of types " + groupTypes);
        }
        List<Field> outputFields = outputSchema.getFields();
        if (outputFields.size() != groupColumns.length + aggregates.size()) {
            throw new IllegalArgumentException("aggregate output needs " + (groupColumns.length + aggregates.size())
                    + " columns (groups, then aggregates), schema has " + outputFields.size());
        }
        for (int c = 0; c < groupColumns.length; c++) {
            if (!outputFields.get(c).getType().equals(groupTypes.get(c))) {
                throw new IllegalArgumentException("output column " + c + " (" + outputFields.get(c)
                        + ") does not have its group column's type " + groupTypes.get(c));
            }
        }
        for (int j = 0; j < aggregates.size(); j++) {
            AggregateSpec spec = aggregates.get(j);
            List<ArrowType> argumentTypes = new ArrayList<>();
            for (int column : spec.argumentColumns()) {
                checkColumn(fields, column, "argument");
                argumentTypes.add(fields.get(column).getType());
            }
            if (spec.filterColumn() >= 0) {
                checkColumn(fields, spec.filterColumn(), "filter");
                if (!(fields.get(spec.filterColumn()).getType() instanceof ArrowType.Bool)) {
                    throw new IllegalArgumentException("filter column " + spec.filterColumn() + " of " + spec
                            + " is not a Bool column");
                }
            }
            ArrowType out = spec.outputField().getType();
            if (!AggregateSpec.supports(spec.function(), argumentTypes, out, spec.distinct())) {
                throw new IllegalArgumentException("unsupported aggregate " + spec + " over " + argumentTypes);
            }
            if (!outputFields.get(groupColumns.length + j).getType().equals(out)) {
                throw new IllegalArgumentException("output column " + (groupColumns.length + j) + " does not have "
                        + spec + "'s type " + out);
            }
        }
    }

    private static void checkColumn(List<Field> fields, int column, String what) {
        if (column < 0 || column >= fields.size()) {
            throw new IllegalArgumentException(what + " column " + column + " out of range of " + fields.size()
                    + " input columns");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(output);
        if (accumulators != null) {
            resources.addAll(Arrays.asList(accumulators));
            resources.addAll(Arrays.asList(distincts));
        }
        resources.add(keyTable);
        resources.add(keys);
        resources.add(memory);
        resources.add(input);
        Closeables.closeAll(resources.toArray(new AutoCloseable[0]));
    }
}
