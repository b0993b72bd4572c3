package io.polaroid.engine.expr;

/**
 * Word-wise operations on row bitmaps ({@code long} words, bit {@code i} of word {@code i >>> 6} for row
 * {@code i}). A {@code null} bitmap means "every row": no NULLs, or every row active.
 */
public final class Bitmaps {
    private Bitmaps() {
    }

    public static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    public static boolean get(long[] bits, int row) {
        return (bits[row >>> 6] & (1L << row)) != 0;
    }

    public static void set(long[] bits, int row) {
        bits[row >>> 6] |= 1L << row;
    }

    public static void clear(long[] bits, int row) {
        bits[row >>> 6] &= ~(1L << row);
    }

    /** Whether row {@code row} is set, a {@code null} bitmap counting as all set. */
    public static boolean isSet(long[] bits, int row) {
        return bits == null || (bits[row >>> 6] & (1L << row)) != 0;
    }

    /** Sets rows {@code [0, rows)} and clears the bits above them in the last word. */
    public static void fill(long[] bits, int rows) {
        int words = words(rows);
        java.util.Arrays.fill(bits, 0, words, -1L);
        clearTail(bits, rows);
    }

    public static void clearTail(long[] bits, int rows) {
        int tail = rows & 63;
        if (tail != 0) {
            bits[(rows - 1) >>> 6] &= (1L << tail) - 1;
        }
    }

    /** {@code a AND b} into {@code out} (which may be null when both are null); returns the result. */
    public static long[] and(long[] a, long[] b, long[] out, int rows) {
        if (a == null) {
            return b == null ? null : copy(b, out, rows);
        }
        if (b == null) {
            return copy(a, out, rows);
        }
        int words = words(rows);
        for (int w = 0; w < words; w++) {
            out[w] = a[w] & b[w];
        }
        return out;
    }

    public static long[] copy(long[] from, long[] out, int rows) {
        System.arraycopy(from, 0, out, 0, words(rows));
        return out;
    }

    /** The number of set bits among rows {@code [0, rows)}. */
    public static int count(long[] bits, int rows) {
        int words = words(rows);
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(bits[w]);
        }
        return count;
    }

    /** Writes the indices of set rows to {@code out}; returns how many. */
    public static int toIndices(long[] bits, int rows, int[] out) {
        int words = words(rows);
        int n = 0;
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                out[n++] = (w << 6) + bit;
                word &= word - 1;
            }
        }
        return n;
    }
}
