package io.polaroid.engine.exec.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/**
 * Column-at-a-time reads of Arrow vectors into primitive arrays, so that kernels (hashing, accumulators,
 * sort keys) run plain loops over {@code long[]}/{@code double[]} with the type dispatch done once per
 * column. Values under NULL slots are read too (whatever bytes are there); callers check validity.
 */
public final class ColumnValues {
    private ColumnValues() {
    }

    /**
     * Rows {@code [0, count)} of a {@link ColumnKind#LONG} column (sign-extended) or a
     * {@link ColumnKind#BOOL} column (0 or 1).
     */
    public static void readLongs(FieldVector vector, int count, long[] out) {
        readLongs(vector, 0, count, out, 0);
    }

    /** Rows {@code [from, from+count)} of a LONG or BOOL column into {@code out[at ...]}. */
    public static void readLongs(FieldVector vector, int from, int count, long[] out, int at) {
        ArrowBuf data = vector.getDataBuffer();
        int shift = at - from;
        int end = from + count;
        if (vector instanceof BitVector) {
            long address = BufferAccess.address(data, ((long) end + 7) >>> 3);
            for (int i = from; i < end; i++) {
                out[i + shift] = BufferAccess.bit(address, i);
            }
            return;
        }
        int width = ((BaseFixedWidthVector) vector).getTypeWidth();
        long address = BufferAccess.address(data, (long) end * width);
        switch (width) {
            case 8 -> {
                for (int i = from; i < end; i++) {
                    out[i + shift] = MemoryUtil.getLong(address + ((long) i << 3));
                }
            }
            case 4 -> {
                for (int i = from; i < end; i++) {
                    out[i + shift] = MemoryUtil.getInt(address + ((long) i << 2));
                }
            }
            case 2 -> {
                for (int i = from; i < end; i++) {
                    out[i + shift] = MemoryUtil.getShort(address + ((long) i << 1));
                }
            }
            case 1 -> {
                for (int i = from; i < end; i++) {
                    out[i + shift] = MemoryUtil.getByte(address + i);
                }
            }
            default -> throw new IllegalArgumentException("not an integer-like column: " + vector.getField());
        }
    }

    /** Rows {@code [0, count)} of a {@link ColumnKind#FLOATING} column, or of an integer column, as doubles. */
    public static void readDoubles(FieldVector vector, int count, double[] out) {
        readDoubles(vector, 0, count, out, 0);
    }

    /** Rows {@code [from, from+count)} of a FLOATING or integer column into {@code out[at ...]}. */
    public static void readDoubles(FieldVector vector, int from, int count, double[] out, int at) {
        ArrowBuf data = vector.getDataBuffer();
        int shift = at - from;
        int end = from + count;
        if (vector instanceof Float4Vector) {
            long address = BufferAccess.address(data, (long) end << 2);
            for (int i = from; i < end; i++) {
                out[i + shift] = Float.intBitsToFloat(MemoryUtil.getInt(address + ((long) i << 2)));
            }
        } else if (ColumnKind.of(vector.getField().getType()) == ColumnKind.FLOATING) {
            long address = BufferAccess.address(data, (long) end << 3);
            for (int i = from; i < end; i++) {
                out[i + shift] = Double.longBitsToDouble(MemoryUtil.getLong(address + ((long) i << 3)));
            }
        } else {
            long[] longs = new long[count];
            readLongs(vector, from, count, longs, 0);
            for (int i = 0; i < count; i++) {
                out[at + i] = longs[i];
            }
        }
    }

    /** The low and high 64 bits of the 128-bit unscaled values of rows {@code [from, from+count)} of a Decimal column. */
    public static void readDecimals(FieldVector vector, int from, int count, long[] low, long[] high, int at) {
        long address = BufferAccess.address(vector.getDataBuffer(), ((long) from + count) << 4);
        for (int i = 0; i < count; i++) {
            long position = address + (((long) from + i) << 4);
            low[at + i] = MemoryUtil.getLong(position);
            high[at + i] = MemoryUtil.getLong(position + 8);
        }
    }

    /** Whether any of the vector's values is NULL (a word at a time, stopping at the first NULL). */
    public static boolean mayHaveNulls(FieldVector vector) {
        return BufferAccess.hasNulls(vector, vector.getValueCount());
    }

    /** Whether any of rows {@code [0, rows)} is NULL: see {@link BufferAccess#hasNulls}. */
    public static boolean mayHaveNulls(FieldVector vector, int rows) {
        return BufferAccess.hasNulls(vector, rows);
    }

    public static boolean isNull(ArrowBuf validity, int row) {
        return BitVectorHelper.get(validity, row) == 0;
    }

    /**
     * The bits of {@code value} with every NaN made one NaN and -0.0 made 0.0: equal bits exactly when two
     * doubles are the same SQL grouping/join key.
     */
    public static long keyBits(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.doubleToLongBits(value);
    }

    /**
     * A long whose signed order is the SQL order of doubles: -Infinity < ... < -0.0 = 0.0 < ... < +Infinity
     * < NaN (every NaN the same).
     */
    public static long sortableBits(double value) {
        long bits = keyBits(value);
        return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
    }

    /** The double whose {@link #sortableBits} is {@code sortable}. */
    public static double fromSortableBits(long sortable) {
        return Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MAX_VALUE : sortable);
    }
}
