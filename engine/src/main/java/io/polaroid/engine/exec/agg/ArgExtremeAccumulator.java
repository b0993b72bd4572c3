package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * ARG_MIN / ARG_MAX(arg, val): {@link Extremes} track {@code val}; whenever a group's extreme moves, the
 * {@code arg} of the row now holding it is copied (once per group and batch). Rows where either argument
 * is NULL are skipped, as DuckDB does.
 */
final class ArgExtremeAccumulator extends Accumulator {
    private final int argColumn;
    private final int valColumn;
    private final Extremes extremes;
    private final GroupValues args;
    private final ChangeLog changes = new ChangeLog();
    private int[] kept = new int[0];

    ArgExtremeAccumulator(int argColumn, int valColumn, Extremes extremes, GroupValues args,
                          MemoryReservation memory) {
        super(memory);
        this.argColumn = argColumn;
        this.valColumn = valColumn;
        this.extremes = extremes;
        this.args = args;
    }

    @Override
    protected long bytesPerGroup() {
        return extremes.bytesPerGroup() + args.bytesPerGroup() + ChangeLog.BYTES_PER_GROUP;
    }

    @Override
    protected void grow(int capacity) {
        extremes.grow(capacity);
        args.grow(capacity);
        changes.grow(capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        FieldVector arg = batch.column(argColumn);
        int[] candidates = rows;
        int candidateCount = count;
        if (ColumnValues.mayHaveNulls(arg)) {
            if (kept.length < count) {
                kept = new int[Math.max(count, kept.length * 2)];
            }
            ArrowBuf validity = arg.getValidityBuffer();
            candidateCount = 0;
            for (int k = 0; k < count; k++) {
                if (!ColumnValues.isNull(validity, rows[k])) {
                    kept[candidateCount++] = rows[k];
                }
            }
            candidates = kept;
        }
        changes.start(candidateCount);
        extremes.offer(batch.column(valColumn), batch.rowCount(), groups, candidates, candidateCount, changes);
        for (int i = 0; i < changes.size(); i++) {
            args.set(changes.group(i), arg, changes.row(i));
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        args.write(from, count, target);
    }

    @Override
    public void close() {
        extremes.close();
        args.close();
    }
}
