package io.polaroid.engine.exec.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads and writes of Arrow buffers for the engine's column-at-a-time loops, without the per-access
 * checks of {@link ArrowBuf#getLong} (a reference-count read and a bounds check on every value, up to a
 * third of a scan's time). Every loop first asks for the buffer's address with the number of bytes it will
 * touch; {@link #address} checks that range once, and the loop then uses {@link MemoryUtil}'s plain
 * accessors. A caller holds the batch (or owns the vector) for the whole loop, so the memory cannot be
 * released under it.
 */
public final class BufferAccess {
    private BufferAccess() {
    }

    /**
     * The address of {@code buffer}'s first byte, after checking that bytes {@code [0, bytes)} lie within
     * it and that it is still live.
     */
    public static long address(ArrowBuf buffer, long bytes) {
        if (bytes < 0 || bytes > buffer.capacity()) {
            throw new IndexOutOfBoundsException("access of " + bytes + " bytes in a buffer of " + buffer.capacity());
        }
        if (bytes > 0 && buffer.refCnt() <= 0) {
            throw new IllegalStateException("access to a released buffer");
        }
        return buffer.memoryAddress();
    }

    /**
     * Whether any of rows {@code [0, rows)} of {@code vector} is NULL. Unlike {@link FieldVector#getNullCount()},
     * looks only at those rows (a cached dataset's vector may be much longer than the batch using it) and
     * stops at the first NULL.
     */
    public static boolean hasNulls(FieldVector vector, int rows) {
        if (rows == 0) {
            return false;
        }
        ArrowBuf validity;
        try {
            validity = vector.getValidityBuffer();
        } catch (UnsupportedOperationException e) {
            validity = null; // the Null and union types keep no validity buffer
        }
        if (validity == null || validity.capacity() == 0) {
            return vector.getNullCount() > 0;
        }
        int fullWords = rows >>> 6;
        long base = address(validity, ((long) rows + 7) >>> 3);
        for (int w = 0; w < fullWords; w++) {
            if (MemoryUtil.getLong(base + ((long) w << 3)) != -1L) {
                return true;
            }
        }
        for (int row = fullWords << 6; row < rows; row++) {
            if ((MemoryUtil.getByte(base + (row >>> 3)) & (1 << (row & 7))) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Bit {@code row} of the bitmap at {@code address}. */
    public static int bit(long address, int row) {
        return (MemoryUtil.getByte(address + (row >>> 3)) >>> (row & 7)) & 1;
    }

    /**
     * The first {@code rows} bits of the bitmap at {@code address} as words (bit {@code i} of word
     * {@code i >>> 6} for row {@code i}); bits past {@code rows} in the last word are zero.
     */
    public static void readBitmap(long address, int rows, long[] out) {
        int fullWords = rows >>> 6;
        for (int w = 0; w < fullWords; w++) {
            out[w] = MemoryUtil.getLong(address + ((long) w << 3));
        }
        int tail = rows & 63;
        if (tail != 0) {
            long word = 0;
            int bytes = (tail + 7) >>> 3;
            long base = address + ((long) fullWords << 3);
            for (int b = 0; b < bytes; b++) {
                word |= (MemoryUtil.getByte(base + b) & 0xFFL) << (b << 3);
            }
            out[fullWords] = word & ((1L << tail) - 1);
        }
    }

    /** Writes the first {@code rows} bits of {@code words} to the bitmap at {@code address} (whole bytes). */
    public static void writeBitmap(long address, long[] words, int rows) {
        int fullWords = rows >>> 6;
        for (int w = 0; w < fullWords; w++) {
            MemoryUtil.putLong(address + ((long) w << 3), words[w]);
        }
        int tail = rows & 63;
        if (tail != 0) {
            long word = words[fullWords] & ((1L << tail) - 1);
            int bytes = (tail + 7) >>> 3;
            long base = address + ((long) fullWords << 3);
            for (int b = 0; b < bytes; b++) {
                MemoryUtil.putByte(base + b, (byte) (word >>> (b << 3)));
            }
        }
    }
}
