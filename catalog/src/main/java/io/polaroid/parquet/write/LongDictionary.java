package io.polaroid.parquet.write;

import java.util.Arrays;

/** The dictionary of a fixed-width column chunk: an open-addressing map from value to index. */
final class LongDictionary {
    private long[] values = new long[1024];
    private int[] table = new int[2048];
    private int size;

    int size() {
        return size;
    }

    long value(int index) {
        return values[index];
    }

    void clear() {
        size = 0;
        Arrays.fill(table, 0);
    }

    /** The index of {@code value}, adding it if new. */
    int indexOf(long value) {
        int mask = table.length - 1;
        int slot = mix(value) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(value, slot);
            }
            if (values[entry - 1] == value) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(long value, int slot) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = mix(values[i]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = i + 1;
        }
        table = bigger;
    }

    private static int mix(long value) {
        long h = value * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
