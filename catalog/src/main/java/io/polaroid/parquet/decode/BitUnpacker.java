package io.polaroid.parquet.decode;

/**
 * Unpacks groups of 8 little-endian bit-packed values (the layout of Parquet's RLE/bit-packed hybrid and of
 * DELTA_BINARY_PACKED miniblocks). 8 values of width {@code w} occupy exactly {@code w} bytes. Inputs must
 * follow {@link Bytes#PADDING}: loads may read up to 8 bytes past a group.
 */
public final class BitUnpacker {
    private BitUnpacker() {
    }

    /** Unpacks {@code groups} groups of 8 values of {@code bitWidth} (0..32) bits into {@code out[outOffset..]}. */
    public static void unpackInts(byte[] in, int inOffset, int bitWidth, int[] out, int outOffset, int groups) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, outOffset, outOffset + groups * 8, 0);
            return;
        }
        long mask = (1L << bitWidth) - 1;
        int in0 = inOffset;
        int o = outOffset;
        if (bitWidth <= 8) {
            // Eight values fit in one 64-bit word.
            for (int g = 0; g < groups; g++, in0 += bitWidth, o += 8) {
                long word = Bytes.getLong(in, in0);
                out[o] = (int) (word & mask);
                out[o + 1] = (int) ((word >>> bitWidth) & mask);
                out[o + 2] = (int) ((word >>> 2 * bitWidth) & mask);
                out[o + 3] = (int) ((word >>> 3 * bitWidth) & mask);
                out[o + 4] = (int) ((word >>> 4 * bitWidth) & mask);
                out[o + 5] = (int) ((word >>> 5 * bitWidth) & mask);
                out[o + 6] = (int) ((word >>> 6 * bitWidth) & mask);
                out[o + 7] = (int) ((word >>> 7 * bitWidth) & mask);
            }
            return;
        }
        for (int g = 0; g < groups; g++, in0 += bitWidth, o += 8) {
            for (int i = 0, bit = 0; i < 8; i++, bit += bitWidth) {
                long word = Bytes.getLong(in, in0 + (bit >>> 3));
                out[o + i] = (int) ((word >>> (bit & 7)) & mask);
            }
        }
    }

    /** Unpacks {@code groups} groups of 8 values of {@code bitWidth} (0..64) bits into {@code out[outOffset..]}. */
    public static void unpackLongs(byte[] in, int inOffset, int bitWidth, long[] out, int outOffset, int groups) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, outOffset, outOffset + groups * 8, 0L);
            return;
        }
        long mask = bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
        int in0 = inOffset;
        int o = outOffset;
        for (int g = 0; g < groups; g++, in0 += bitWidth, o += 8) {
            for (int i = 0, bit = 0; i < 8; i++, bit += bitWidth) {
                int at = in0 + (bit >>> 3);
                int shift = bit & 7;
                long value = Bytes.getLong(in, at) >>> shift;
                if (shift + bitWidth > 64) {
                    value |= (long) (in[at + 8] & 0xFF) << (64 - shift);
                }
                out[o + i] = value & mask;
            }
        }
    }
}
