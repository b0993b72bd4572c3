package io.polaroid.engine.exec.join;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.KeyTable;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The build side of a hash join: every row of the right input in a {@link RowStore}, a {@link KeyTable}
 * from each distinct key to an id, and per id the chain of build rows holding that key ({@code head} of
 * each chain, {@code next} row of each row). Once built it does not change, so several probing
 * {@link HashJoinOperator}s on different threads can share one (each with its own
 * {@link KeyTable#newLookup() lookup}).
 */
public final class JoinTable implements AutoCloseable {
    /** Chain end / a probe row with no chain. */
    static final int NONE = -1;
    private static final String NAME = "hash join";

    private final Schema schema;
    private final RowStore rows;
    private final KeyTable keys;
    private final MemoryReservation memory;
    private final int[] head;
    private final int[] next;

    private JoinTable(Schema schema, RowStore rows, KeyTable keys, MemoryReservation memory, int[] head, int[] next) {
        this.schema = schema;
        this.rows = rows;
        this.keys = keys;
        this.memory = memory;
        this.head = head;
        this.next = next;
    }

    /**
     * Reads {@code right} to its end (and closes it) into a table keyed on the columns {@code rightKeys};
     * without key columns every row is in one chain (a cross join).
     */
    public static JoinTable build(ExecutionContext context, BatchSource right, int[] rightKeys) {
        Objects.requireNonNull(context, "context");
        Schema schema = right.schema();
        RowStore rows = new RowStore(context.allocator(), schema.getFields());
        MemoryReservation memory = new MemoryReservation(context.allocator(), NAME);
        KeyTable keys = null;
        try (right) {
            for (Batch batch = right.next(); batch != null; batch = right.next()) {
                context.checkCancelled();
                rows.append(batch.columns(), 0, batch.rowCount());
            }
            int count = rows.rowCount();
            memory.reserve(4L * count);
            int[] next = new int[count];
            int keyCount;
            if (rightKeys.length == 0) {
                Arrays.fill(next, 0);
                keyCount = count > 0 ? 1 : 0;
            } else {
                keys = insertKeys(context, schema, rows, rightKeys, next);
                keyCount = keys.size();
            }
            // Chains in ascending row order: walk the rows backwards, pushing each on its key's chain.
            memory.reserve(4L * keyCount);
            int[] head = new int[keyCount];
            Arrays.fill(head, NONE);
            for (int row = count - 1; row >= 0; row--) {
                int id = next[row];
                if (id >= 0) {
                    next[row] = head[id];
                    head[id] = row;
                } else {
                    next[row] = NONE;
                }
            }
            rows.prepareConcurrentReads();
            return new JoinTable(schema, rows, keys, memory, head, next);
        } catch (RuntimeException | Error e) {
            Closeables.closeAll(keys, rows, memory);
            throw e;
        }
    }

    /** Inserts the build keys chunk by chunk, leaving each row's key id (or -1) in {@code ids}. */
    private static KeyTable insertKeys(ExecutionContext context, Schema schema, RowStore rows, int[] rightKeys,
                                       int[] ids) {
        List<ArrowType> keyTypes = new ArrayList<>();
        for (int key : rightKeys) {
            keyTypes.add(schema.getFields().get(key).getType());
        }
        KeyTable keys = KeyTable.create(keyTypes, false, context.allocator(), NAME);
        try {
            int[] chunkIds = new int[Math.min(RowStore.CHUNK_ROWS, Math.max(rows.rowCount(), 1))];
            int chunks = (rows.rowCount() + RowStore.CHUNK_ROWS - 1) >>> RowStore.CHUNK_SHIFT;
            for (int chunk = 0; chunk < chunks; chunk++) {
                context.checkCancelled();
                List<FieldVector> columns = new ArrayList<>(rightKeys.length);
                for (int key : rightKeys) {
                    columns.add(rows.chunks(key)[chunk]);
                }
                int first = chunk << RowStore.CHUNK_SHIFT;
                int count = Math.min(RowStore.CHUNK_ROWS, rows.rowCount() - first);
                keys.insert(columns, count, chunkIds);
                System.arraycopy(chunkIds, 0, ids, first, count);
            }
            return keys;
        } catch (RuntimeException | Error e) {
            keys.close();
            throw e;
        }
    }

    /** The schema of the build rows (the right input's). */
    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rows.rowCount();
    }

    /** Distinct keys (chains). */
    int keyCount() {
        return head.length;
    }

    /** A lookup of probe keys for one thread, or null when the join has no key columns. */
    KeyTable.Lookup newLookup() {
        return keys == null ? null : keys.newLookup();
    }

    /** The first build row with key {@code id}. */
    int head(int id) {
        return head[id];
    }

    /** The build row after {@code row} with the same key, or {@link #NONE}. */
    int next(int row) {
        return next[row];
    }

    int columnCount() {
        return rows.columnCount();
    }

    /** Copies build rows (negative: NULL) of {@code column}; safe from several threads at once. */
    void gather(int column, int[] rowIds, int from, int count, FieldVector target, int targetIndex) {
        rows.gather(column, rowIds, from, count, target, targetIndex);
    }

    @Override
    public void close() {
        Closeables.closeAll(keys, rows, memory);
    }
}
