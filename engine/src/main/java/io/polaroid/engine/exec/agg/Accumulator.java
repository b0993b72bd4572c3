package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.MemoryReservation;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of one aggregate call for every group, updated a batch at a time: {@link #add} runs one loop
 * over the batch's selected rows, indexing per-group state arrays by group id — no per-row virtual calls.
 * State grows with the number of groups and is accounted to the query's memory.
 */
abstract class Accumulator implements AutoCloseable {
    protected final MemoryReservation memory;
    private int capacity;

    protected Accumulator(MemoryReservation memory) {
        this.memory = memory;
    }

    /** Makes room for groups {@code [0, groupCount)}; new groups start empty. */
    final void ensureGroups(int groupCount) {
        if (groupCount <= capacity) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(groupCount, Math.max(16, capacity * 2L)));
        memory.reserve((long) (grown - capacity) * bytesPerGroup());
        grow(grown);
        capacity = grown;
    }

    /** Heap bytes of state per group, accounted when the state grows. */
    protected abstract long bytesPerGroup();

    /** Resizes the per-group state to {@code capacity} groups. */
    protected abstract void grow(int capacity);

    /**
     * Adds rows {@code rows[0 .. count)} of {@code batch}; row {@code r} belongs to group {@code groups[r]}.
     * The rows are ascending (input order), which FIRST and LAST rely on.
     */
    abstract void add(Batch batch, int[] groups, int[] rows, int count);

    /** Writes the results of groups {@code [from, from+count)} to rows {@code [0, count)} of {@code target}. */
    abstract void write(int from, int count, FieldVector target);

    @Override
    public void close() {
    }
}
