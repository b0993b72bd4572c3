package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * The deprecated BIT_PACKED level encoding of very old writers: values packed most significant bit first,
 * no run headers, no length prefix.
 */
public final class LegacyBitPackedLevels implements LevelDecoder {
    private final int bitWidth;
    private final byte[] buffer;
    private final long endBit;
    private long bit;

    public LegacyBitPackedLevels(int bitWidth, byte[] buffer, int position, int end) {
        this.bitWidth = bitWidth;
        this.buffer = buffer;
        this.bit = (long) position * 8;
        this.endBit = (long) end * 8;
    }

    /** Bytes taken by {@code count} levels of {@code bitWidth} bits. */
    public static int byteLength(int count, int bitWidth) {
        return (int) (((long) count * bitWidth + 7) / 8);
    }

    @Override
    public int read(int[] out, int offset, int n, int level) {
        CorruptDataException.check(bit + (long) n * bitWidth <= endBit, "BIT_PACKED levels are cut off");
        int matches = 0;
        for (int i = 0; i < n; i++) {
            int value = 0;
            for (int b = 0; b < bitWidth; b++, bit++) {
                value = (value << 1) | ((buffer[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1);
            }
            out[offset + i] = value;
            if (value == level) {
                matches++;
            }
        }
        return matches;
    }
}
