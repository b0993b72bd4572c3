package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;
import java.util.Arrays;

/**
 * A reusable run of decoded byte-array values: value {@code i} is {@code data[offsets[i]..offsets[i+1])}.
 * Decoders fill it; value writers copy it into Arrow vectors in bulk.
 */
public final class BinaryChunk {
    /** Arrow offsets are 32-bit: no run of values may hold more bytes. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 64;

    private byte[] data = new byte[1024];
    private int[] offsets = new int[1025];
    private int count;

    /** Empties the chunk, ready for {@code values} values. */
    public void reset(int values) {
        if (offsets.length < values + 1) {
            offsets = new int[Math.max(values + 1, offsets.length * 2)];
        }
        offsets[0] = 0;
        count = 0;
    }

    public int count() {
        return count;
    }

    public byte[] data() {
        return data;
    }

    public int[] offsets() {
        return offsets;
    }

    public int byteSize() {
        return offsets[count];
    }

    public int length(int index) {
        return offsets[index + 1] - offsets[index];
    }

    /** Makes room for {@code more} bytes after the current end and returns the current end. */
    public int reserve(long more) {
        int end = offsets[count];
        // 8 spare bytes let readers copy values in whole 64-bit words (see VariableWidthTarget).
        long needed = end + more + Long.BYTES;
        CorruptDataException.check(needed <= MAX_BYTES, "more than 2 GiB of binary values in one batch");
        if (needed > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(MAX_BYTES, Math.max(needed, data.length * 2L)));
        }
        return end;
    }

    /** Appends one value. */
    public void add(byte[] source, int offset, int length) {
        int end = reserve(length);
        copy(source, offset, data, end, length);
        offsets[++count] = end + length;
    }

    /**
     * Declares that the caller wrote {@code n} values straight into {@link #data()} and
     * {@link #offsets()}{@code [1..n]} after a {@link #reset} and {@link #reserve}.
     */
    public void finish(int n) {
        count = n;
    }

    /** Copies short values with a plain loop, where System.arraycopy's setup costs more than the copy. */
    static void copy(byte[] source, int from, byte[] target, int to, int length) {
        if (length < 16) {
            for (int i = 0; i < length; i++) {
                target[to + i] = source[from + i];
            }
        } else {
            System.arraycopy(source, from, target, to, length);
        }
    }
}
