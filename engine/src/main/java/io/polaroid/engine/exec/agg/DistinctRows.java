package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.KeyTable;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.VectorGather;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The seen-set of a DISTINCT aggregate: a {@link KeyTable} of (group id, argument values). It passes on
 * only the rows whose pair is new, so the accumulator behind it sees each distinct value once per group.
 */
final class DistinctRows implements AutoCloseable {
    private final int[] arguments;
    private final KeyTable seen;
    private final OutputBatch pairs;
    private int[] ids = new int[0];

    DistinctRows(int[] arguments, List<Field> inputFields, BufferAllocator allocator) {
        this.arguments = arguments.clone();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.nullable("group", new ArrowType.Int(32, true)));
        for (int argument : arguments) {
            fields.add(inputFields.get(argument));
        }
        List<ArrowType> types = new ArrayList<>();
        for (Field field : fields) {
            types.add(field.getType());
        }
        this.seen = KeyTable.create(types, true, allocator, "hash aggregate (DISTINCT)");
        this.pairs = new OutputBatch(fields, allocator);
    }

    /**
     * Writes to {@code out} the rows among {@code rows[0..count)} whose (group, arguments) were not seen
     * before, in order; returns how many.
     */
    int filter(Batch batch, int[] groups, int[] rows, int count, int[] out) {
        if (count == 0) {
            return 0;
        }
        pairs.reset();
        IntVector groupColumn = (IntVector) pairs.vector(0);
        VectorGather.ensureFixedCapacity(groupColumn, count);
        for (int k = 0; k < count; k++) {
            groupColumn.set(k, groups[rows[k]]);
        }
        for (int a = 0; a < arguments.length; a++) {
            VectorGather.gather(batch.column(arguments[a]), rows, 0, count, pairs.vector(a + 1), 0);
        }
        Batch compact = pairs.finish(count);
        if (ids.length < count) {
            ids = new int[Math.max(count, ids.length * 2)];
        }
        int next = seen.size();
        seen.insert(compact.columns(), count, ids);
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (ids[k] == next) {
                out[kept++] = rows[k];
                next++;
            }
        }
        return kept;
    }

    @Override
    public void close() {
        Closeables.closeAll(seen, pairs);
    }
}
