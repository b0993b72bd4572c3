package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * FIRST (the first row's value, NULL included), LAST (the last row's value) and ANY_VALUE (the first
 * non-NULL value), in input order.
 */
final class SelectedValueAccumulator extends Accumulator {
    private final AggregateFunction function;
    private final int argument;
    private final GroupValues values;
    private final ChangeLog changes = new ChangeLog();
    private boolean[] seen = new boolean[0];

    SelectedValueAccumulator(AggregateFunction function, int argument, GroupValues values,
                             MemoryReservation memory) {
        super(memory);
        this.function = function;
        this.argument = argument;
        this.values = values;
    }

    @Override
    protected long bytesPerGroup() {
        return 1 + values.bytesPerGroup() + (function == AggregateFunction.LAST ? ChangeLog.BYTES_PER_GROUP : 0);
    }

    @Override
    protected void grow(int capacity) {
        seen = Arrays.copyOf(seen, capacity);
        values.grow(capacity);
        if (function == AggregateFunction.LAST) {
            changes.grow(capacity);
        }
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector column = batch.column(argument);
        if (function == AggregateFunction.LAST) {
            changes.start(count);
            for (int k = 0; k < count; k++) {
                changes.record(groups[rows[k]], rows[k]);
            }
            for (int i = 0; i < changes.size(); i++) {
                values.set(changes.group(i), column, changes.row(i));
            }
            return;
        }
        boolean skipNulls = function == AggregateFunction.ANY_VALUE && ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        boolean[] seen = this.seen;
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            int group = groups[row];
            if (!seen[group] && !(skipNulls && ColumnValues.isNull(validity, row))) {
                seen[group] = true;
                values.set(group, column, row);
            }
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        values.write(from, count, target);
    }

    @Override
    public void close() {
        values.close();
    }
}
