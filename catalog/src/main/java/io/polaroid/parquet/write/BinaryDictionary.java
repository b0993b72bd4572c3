package io.polaroid.parquet.write;

import java.util.Arrays;

/** The dictionary of a byte-array column chunk: distinct values kept back to back, found by hash. */
final class BinaryDictionary {
    private final ByteSink bytes = new ByteSink(64 * 1024);
    private int[] offsets = new int[1025];
    private int[] hashes = new int[1024];
    private int[] table = new int[2048];
    private int size;

    int size() {
        return size;
    }

    /** Bytes of all values, as PLAIN-encoded in a dictionary page (values plus 4-byte lengths). */
    long plainSize() {
        return bytes.size() + 4L * size;
    }

    byte[] data() {
        return bytes.array();
    }

    int offset(int index) {
        return offsets[index];
    }

    int length(int index) {
        return offsets[index + 1] - offsets[index];
    }

    void clear() {
        size = 0;
        bytes.reset();
        Arrays.fill(table, 0);
    }

    /** The index of the value {@code source[from..from+length)}, adding it if new. */
    int indexOf(byte[] source, int from, int length) {
        int hash = hash(source, from, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        byte[] data = bytes.array();
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(source, from, length, hash, slot);
            }
            int index = entry - 1;
            if (hashes[index] == hash && equal(data, offsets[index], offsets[index + 1] - offsets[index], source, from, length)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] source, int from, int length, int hash, int slot) {
        if (size + 1 >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            offsets = Arrays.copyOf(offsets, hashes.length + 1);
        }
        bytes.write(source, from, length);
        hashes[size] = hash;
        offsets[size + 1] = bytes.size();
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
            int slot = hashes[i] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = i + 1;
        }
        table = bigger;
    }

    /** A plain loop: for the short values of dictionary columns it beats the vectorized mismatch's setup. */
    private static boolean equal(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
        if (aLength != bLength) {
            return false;
        }
        for (int i = 0; i < aLength; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] source, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + source[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
