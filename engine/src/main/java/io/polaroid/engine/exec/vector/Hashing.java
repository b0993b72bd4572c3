package io.polaroid.engine.exec.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * 64-bit hashing of key values for the hash tables. The byte hash follows the structure of xxHash64's
 * short-input path (8-byte words, then a 4-byte word, then bytes, then an avalanche), which is fast for
 * the short strings typical of group and join keys and mixes every input bit into every output bit.
 */
public final class Hashing {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private Hashing() {
    }

    /** A well-mixed hash of one 64-bit value (all output bits depend on all input bits). */
    public static long hashLong(long value) {
        return avalanche(value * P2 + P5);
    }

    /** The hash of {@code length} bytes of {@code buffer} at {@code start}. */
    public static long hashBytes(ArrowBuf buffer, long start, int length) {
        return hashMemory(BufferAccess.address(buffer, start + length) + start, length);
    }

    /** The hash of the {@code length} bytes at memory {@code address} (checked by the caller). */
    static long hashMemory(long address, int length) {
        long hash = P5 + length;
        long position = address;
        long end = address + length;
        while (position + 8 <= end) {
            long word = MemoryUtil.getLong(position) * P2;
            hash ^= Long.rotateLeft(word, 31) * P1;
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
            position += 8;
        }
        if (position + 4 <= end) {
            hash ^= (MemoryUtil.getInt(position) & 0xFFFFFFFFL) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            position += 4;
        }
        while (position < end) {
            hash ^= (MemoryUtil.getByte(position) & 0xFFL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
            position++;
        }
        return avalanche(hash);
    }

    /** Whether the {@code length} bytes at two memory addresses are equal (checked by the caller). */
    static boolean sameMemory(long a, long b, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (MemoryUtil.getLong(a + i) != MemoryUtil.getLong(b + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (MemoryUtil.getByte(a + i) != MemoryUtil.getByte(b + i)) {
                return false;
            }
        }
        return true;
    }

    private static long avalanche(long hash) {
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }
}
