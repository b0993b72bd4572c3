package io.polaroid.engine.exec.sort;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * ORDER BY with optional OFFSET/LIMIT over Arrow batches. Rows are copied into a {@link RowStore}; their
 * ids, not the rows, are sorted ({@link RowSorter}: a radix sort on the first key, refined by typed
 * comparators where needed); the output is gathered from the store in batches of {@code batchRows}.
 * With a limit, only the best {@code offset + limit} rows are kept, in a bounded heap
 * ({@link TopNCollector}).
 *
 * <p>Strings order by UTF-8 bytes, NaN after every other number, -0.0 with 0.0; rows with equal keys keep
 * no particular order. The output schema is the input's. The operator closes its input when closed.
 */
public final class SortOperator implements BatchSource {
    /** Above this many rows (offset + limit) a full sort beats the heap. */
    static final long TOP_N_MAX_ROWS = 1 << 20;
    private static final String NAME = "sort";

    private final ExecutionContext context;
    private final BatchSource input;
    private final List<SortKey> keys;
    private final long offset;
    private final long limit;
    private final MemoryReservation memory;

    private RowStore store;
    private RowOrdering ordering;
    private TopNCollector topN;
    private OutputBatch output;
    private int[] order;
    private int position;
    private int end;
    private boolean closed;

    public SortOperator(ExecutionContext ctx, BatchSource input, List<SortKey> keys, long offset, long limit) {
        this.context = Objects.requireNonNull(ctx, "ctx");
        this.input = Objects.requireNonNull(input, "input");
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < -1) {
            throw new IllegalArgumentException("limit must be -1 (none) or at least 0: " + limit);
        }
        this.offset = offset;
        this.limit = limit;
        List<Field> fields = input.schema().getFields();
        for (SortKey key : this.keys) {
            if (key.column() >= fields.size()) {
                throw new IllegalArgumentException("sort column " + key.column() + " out of range of "
                        + input.schema());
            }
            if (!supportsKeyType(fields.get(key.column()).getType())) {
                throw new IllegalArgumentException("cannot sort by " + fields.get(key.column()));
            }
        }
        this.memory = new MemoryReservation(ctx.allocator(), NAME);
    }

    /** Whether a column of this type can be a sort key (every comparable type; see {@link ColumnKind}). */
    public static boolean supportsKeyType(ArrowType type) {
        return ColumnKind.of(type).isComparable();
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException(NAME + " is closed");
        }
        try {
            if (order == null) {
                prepare();
            }
            return emit();
        } catch (OutOfMemoryException e) {
            throw MemoryReservation.limitExceeded(NAME, context.allocator(), 0, e);
        }
    }

    private void prepare() {
        long wanted = limit < 0 ? Long.MAX_VALUE : saturatedAdd(offset, limit);
        if (limit == 0 || offset >= RowStore.MAX_ROWS) {
            order = new int[0];
        } else if (wanted <= TOP_N_MAX_ROWS) {
            collectTopN((int) wanted);
        } else {
            sortAll();
        }
        position = (int) Math.min(offset, order.length);
        end = (int) Math.min(order.length, wanted);
    }

    private void sortAll() {
        store = new RowStore(context.allocator(), input.schema().getFields());
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            context.checkCancelled();
            store.append(batch.columns(), 0, batch.rowCount());
        }
        context.checkCancelled();
        ordering = new RowOrdering(keys, input.schema().getFields(), memory);
        ordering.load(store);
        order = RowSorter.sort(ordering, store.rowCount(), memory, context);
    }

    private void collectTopN(int rows) {
        topN = new TopNCollector(context, input.schema().getFields(), keys, rows, memory);
        for (Batch batch = input.next(); batch != null; batch = input.next()) {
            context.checkCancelled();
            topN.add(batch);
            if (keys.isEmpty() && topN.full()) {
                break; // without keys the first rows are as good as any
            }
        }
        order = topN.finish();
        store = topN.store();
    }

    private Batch emit() {
        context.checkCancelled();
        if (position >= end) {
            return null;
        }
        int rows = Math.min(end - position, context.batchRows());
        if (output == null) {
            output = new OutputBatch(input.schema().getFields(), context.allocator());
        }
        output.reset();
        for (int c = 0; c < store.columnCount(); c++) {
            store.gather(c, order, position, rows, output.vector(c), 0);
        }
        position += rows;
        return output.finish(rows);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        order = null;
        // The top-N collector owns its store; a full sort owns it directly.
        RowStore ownStore = topN == null ? store : null;
        Closeables.closeAll(output, ordering, topN, ownStore, memory, input);
    }
}
