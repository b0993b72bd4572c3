package io.polaroid.parquet.read;

import java.util.Arrays;

/**
 * The validity and (for lists) offsets of one struct or list node, accumulated during a batch by the leaf
 * that owns the node, then written into the node's vector.
 */
final class StructureBuilder {
    private boolean[] valid = new boolean[1024];
    /** For lists: {@code offsets[i]} is the first element slot of list slot {@code i}; one more at the end. */
    private int[] offsets = new int[1025];
    private int slots;

    void reset() {
        slots = 0;
    }

    int slots() {
        return slots;
    }

    boolean isValid(int slot) {
        return valid[slot];
    }

    /** Size of list slot {@code slot} (after {@link #finishList}). */
    int listSize(int slot) {
        return offsets[slot + 1] - offsets[slot];
    }

    /** First element slot of list slot {@code slot}; {@code offset(slots())} is the element count. */
    int offset(int slot) {
        return offsets[slot];
    }

    /** Adds a slot; for lists, {@code firstChild} is the element slot count before it. */
    void add(boolean isValid, int firstChild) {
        if (slots + 1 >= offsets.length) {
            valid = Arrays.copyOf(valid, valid.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        valid[slots] = isValid;
        offsets[slots] = firstChild;
        slots++;
    }

    /** Closes the last list slot at {@code childCount} elements. */
    void finishList(int childCount) {
        offsets[slots] = childCount;
    }
}
