package io.polaroid.engine.exec.agg;

import java.util.Arrays;

/**
 * The groups whose state changed while one batch was added, each with the last row that changed it:
 * lets ARG_MIN/ARG_MAX and LAST copy a value once per group and batch instead of once per row.
 */
final class ChangeLog {
    private int[] stamp = new int[0];
    private int[] rowOf = new int[0];
    private int[] changed = new int[0];
    private int epoch;
    private int size;

    static final long BYTES_PER_GROUP = 8;

    void grow(int capacity) {
        stamp = Arrays.copyOf(stamp, capacity);
        rowOf = Arrays.copyOf(rowOf, capacity);
    }

    /** Starts a batch of at most {@code rows} changes. */
    void start(int rows) {
        epoch++;
        size = 0;
        if (changed.length < rows) {
            changed = new int[Math.max(rows, changed.length * 2)];
        }
    }

    void record(int group, int row) {
        rowOf[group] = row;
        if (stamp[group] != epoch) {
            stamp[group] = epoch;
            changed[size++] = group;
        }
    }

    /** The row recorded for {@code group} in this batch, or -1. */
    int rowFor(int group) {
        return stamp[group] == epoch ? rowOf[group] : -1;
    }

    int size() {
        return size;
    }

    int group(int index) {
        return changed[index];
    }

    int row(int index) {
        return rowOf[changed[index]];
    }
}
