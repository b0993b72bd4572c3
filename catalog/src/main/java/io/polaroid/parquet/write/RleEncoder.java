package io.polaroid.parquet.write;

/**
 * Encodes small unsigned ints (levels, dictionary indices) with Parquet's RLE/bit-packed hybrid: a run of at
 * least 8 equal values becomes an RLE run; everything else is bit-packed in groups of 8.
 */
final class RleEncoder {
    private static final int MIN_RUN = 8;

    private RleEncoder() {
    }

    /** Appends the encoding of {@code values[0..count)} with {@code bitWidth} bits (0..32) to {@code out}. */
    static void encode(int[] values, int count, int bitWidth, ByteSink out) {
        int i = 0;
        while (i < count) {
            int run = runLength(values, i, count, Integer.MAX_VALUE);
            if (run >= MIN_RUN) {
                out.writeUnsignedVarInt(run << 1);
                int value = values[i];
                for (int b = 0; b < (bitWidth + 7) / 8; b++) {
                    out.write(value >>> (8 * b));
                }
                i += run;
            } else {
                int start = i;
                int groups = 0;
                do {
                    i += 8;
                    groups++;
                } while (i < count && runLength(values, i, count, MIN_RUN) < MIN_RUN && groups < (1 << 20));
                out.writeUnsignedVarInt(groups << 1 | 1);
                pack(values, start, Math.min(count, start + groups * 8), groups, bitWidth, out);
                i = Math.min(i, count);
            }
        }
    }

    private static int runLength(int[] values, int from, int count, int cap) {
        int value = values[from];
        int j = from + 1;
        int limit = (int) Math.min(count, (long) from + cap);
        while (j < limit && values[j] == value) {
            j++;
        }
        return j - from;
    }

    /** Bit-packs {@code groups * 8} values starting at {@code from}, zero-padding past {@code end}. */
    private static void pack(int[] values, int from, int end, int groups, int bitWidth, ByteSink out) {
        int at = out.reserve(groups * bitWidth);
        byte[] target = out.array();
        long mask = (1L << bitWidth) - 1;
        long buffer = 0;
        int bits = 0;
        int total = groups * 8;
        for (int k = 0; k < total; k++) {
            long value = from + k < end ? values[from + k] & mask : 0;
            buffer |= value << bits;
            bits += bitWidth;
            while (bits >= 8) {
                target[at++] = (byte) buffer;
                buffer >>>= 8;
                bits -= 8;
            }
        }
    }

    /** A dictionary-encoded page's values: the index bit width in one byte, then the indices. */
    static void encodeDictionaryIndices(int[] indices, int count, int dictionarySize, ByteSink out) {
        int bitWidth = bitWidth(Math.max(0, dictionarySize - 1));
        out.write(bitWidth);
        encode(indices, count, bitWidth, out);
    }

    /** Roughly the bytes {@code count} indices into a dictionary of {@code dictionarySize} take (bit-packed). */
    static long dictionaryIndicesSize(int count, int dictionarySize) {
        return (long) count * bitWidth(Math.max(1, dictionarySize - 1)) / 8;
    }

    /** Bits needed for values up to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }
}
