package io.polaroid.parquet.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian loads from byte arrays (Parquet and Arrow are both little-endian), and the padding rule
 * every decoder input follows.
 */
public final class Bytes {
    /**
     * Every buffer handed to a decoder has at least this many readable bytes after the region it decodes,
     * so bit unpacking may load whole words without a bounds branch per value.
     */
    public static final int PADDING = 64;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    public static int getInt(byte[] bytes, int offset) {
        return (int) INT.get(bytes, offset);
    }

    public static long getLong(byte[] bytes, int offset) {
        return (long) LONG.get(bytes, offset);
    }

    public static short getShort(byte[] bytes, int offset) {
        return (short) SHORT.get(bytes, offset);
    }

    public static void putInt(byte[] bytes, int offset, int value) {
        INT.set(bytes, offset, value);
    }

    public static void putLong(byte[] bytes, int offset, long value) {
        LONG.set(bytes, offset, value);
    }

    public static void putShort(byte[] bytes, int offset, short value) {
        SHORT.set(bytes, offset, value);
    }

    /** A buffer of at least {@code size + PADDING} bytes: {@code current} if big enough, else a new one. */
    public static byte[] ensureCapacity(byte[] current, int size) {
        long needed = (long) size + PADDING;
        if (current != null && current.length >= needed) {
            return current;
        }
        long grown = current == null ? needed : Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, current.length * 3L / 2));
        return new byte[(int) Math.min(Integer.MAX_VALUE - 16L, grown)];
    }

    /** Fails fast when a caller breaks the padding rule (a programming error, not a corrupt file). */
    public static void checkPadded(byte[] bytes, int end) {
        if (end < 0 || (long) end + PADDING > bytes.length) {
            throw new IllegalStateException("decoder input is not padded: end " + end + ", length " + bytes.length);
        }
    }
}
