package io.polaroid.parquet.read;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Moves densely decoded values to their row positions when a run has nulls. Parquet stores only non-null
 * values; decoding them densely at the run's start and spreading in place (backwards, so nothing is
 * overwritten before it moves) keeps the decoders free of per-value null checks.
 */
final class Spread {
    private Spread() {
    }

    /**
     * Fixed-width values: {@code nonNull} values of {@code width} bytes sit at slots
     * {@code [position, position + nonNull)}; afterwards slot {@code position + i} holds the next value iff
     * {@code levels[levelOffset + i] == maxLevel}, and null slots are zeroed.
     */
    static void fixed(ArrowBuf data, int width, int position, int count, int nonNull, int[] levels, int levelOffset,
                      int maxLevel) {
        checkBounds(data, (long) (position + count) * width);
        long base = data.memoryAddress() + (long) position * width;
        int j = nonNull - 1;
        for (int i = count - 1; i >= 0 && i > j; i--) {
            long to = base + (long) i * width;
            if (levels[levelOffset + i] == maxLevel) {
                move(base + (long) j * width, to, width);
                j--;
            } else {
                MemoryUtil.setMemory(to, width, (byte) 0);
            }
        }
    }

    private static void move(long from, long to, int width) {
        switch (width) {
            case 1 -> MemoryUtil.putByte(to, MemoryUtil.getByte(from));
            case 2 -> MemoryUtil.putShort(to, MemoryUtil.getShort(from));
            case 4 -> MemoryUtil.putInt(to, MemoryUtil.getInt(from));
            case 8 -> MemoryUtil.putLong(to, MemoryUtil.getLong(from));
            default -> MemoryUtil.copyMemory(from, to, width);
        }
    }

    /** Like {@link #fixed} for a bitmap of values (booleans). */
    static void bits(ArrowBuf data, int position, int count, int nonNull, int[] levels, int levelOffset, int maxLevel) {
        int j = nonNull - 1;
        for (int i = count - 1; i >= 0 && i > j; i--) {
            int bit = 0;
            if (levels[levelOffset + i] == maxLevel) {
                bit = BitVectorHelper.get(data, position + j);
                j--;
            }
            BitVectorHelper.setValidityBit(data, position + i, bit);
        }
    }

    /**
     * Variable-width values: {@code offsets[position + 1 .. position + nonNull]} hold the end offsets of the dense
     * values; afterwards every slot has its end offset, null slots being empty.
     */
    static void offsets(ArrowBuf offsets, int position, int count, int nonNull, int[] levels, int levelOffset,
                        int maxLevel) {
        checkBounds(offsets, (long) (position + count + 1) * Integer.BYTES);
        long base = offsets.memoryAddress() + (long) (position + 1) * Integer.BYTES;
        int startOffset = MemoryUtil.getInt(base - Integer.BYTES);
        int j = nonNull - 1;
        for (int i = count - 1; i >= 0 && i > j; i--) {
            if (levels[levelOffset + i] == maxLevel) {
                MemoryUtil.putInt(base + (long) i * Integer.BYTES, MemoryUtil.getInt(base + (long) j * Integer.BYTES));
                j--;
            } else {
                // A null ends where the previous non-null value ends.
                int end = j >= 0 ? MemoryUtil.getInt(base + (long) j * Integer.BYTES) : startOffset;
                MemoryUtil.putInt(base + (long) i * Integer.BYTES, end);
            }
        }
    }

    static void checkBounds(ArrowBuf buffer, long bytes) {
        if (bytes > buffer.capacity()) {
            throw new IllegalStateException("vector buffer of " + buffer.capacity() + " bytes cannot hold " + bytes);
        }
    }
}
