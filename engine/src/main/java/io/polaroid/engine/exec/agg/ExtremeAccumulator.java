package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.vector.FieldVector;

/** MIN and MAX of any comparable column, and BOOL_AND / BOOL_OR (MIN / MAX of booleans). */
final class ExtremeAccumulator extends Accumulator {
    private final int argument;
    private final Extremes extremes;
    private final String description;

    ExtremeAccumulator(int argument, Extremes extremes, String description, MemoryReservation memory) {
        super(memory);
        this.argument = argument;
        this.extremes = extremes;
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return extremes.bytesPerGroup();
    }

    @Override
    protected void grow(int capacity) {
        extremes.grow(capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        extremes.offer(batch.column(argument), batch.rowCount(), groups, rows, count, null);
    }

    @Override
    void write(int from, int count, FieldVector target) {
        extremes.write(from, count, target, description);
    }

    @Override
    public void close() {
        extremes.close();
    }
}
