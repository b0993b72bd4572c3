package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * DELTA_BINARY_PACKED integers: a header (block size, miniblocks per block, value count, first value),
 * then blocks of a zigzag minimum delta, one bit width per miniblock, and bit-packed miniblocks of deltas.
 * Arithmetic wraps like the writer's: INT32 columns are computed in 64 bits and truncated, which gives the
 * same result modulo 2^32.
 */
public final class DeltaBinaryPackedDecoder extends FixedValuesDecoder {
    private final byte[] buffer;
    private final int end;
    private final boolean int32;
    private final int miniBlocksPerBlock;
    private final int valuesPerMiniBlock;
    private final int totalCount;
    private final byte[] bitWidths;
    private final long[] miniBlock;
    private int position;
    private int remaining;
    private long lastValue;
    private boolean firstPending = true;
    private long minDelta;
    private int miniBlockIndex;
    private int miniBlockPosition;

    /**
     * @param maxValues an upper bound on the values this stream may hold (from the page's level count);
     *                  a header claiming more is corrupt
     */
    public DeltaBinaryPackedDecoder(byte[] buffer, int position, int end, boolean int32, int maxValues) {
        this.buffer = buffer;
        this.end = end;
        this.int32 = int32;
        this.position = position;
        int blockSize = readUnsignedInt();
        this.miniBlocksPerBlock = readUnsignedInt();
        this.totalCount = readUnsignedInt();
        CorruptDataException.check(blockSize > 0 && blockSize % 128 == 0 && miniBlocksPerBlock > 0
                        && blockSize % miniBlocksPerBlock == 0 && (blockSize / miniBlocksPerBlock) % 32 == 0,
                "invalid DELTA_BINARY_PACKED block of " + blockSize + " values in " + miniBlocksPerBlock + " miniblocks");
        CorruptDataException.check(totalCount <= maxValues,
                "DELTA_BINARY_PACKED header claims " + totalCount + " values, more than the page's " + maxValues);
        this.valuesPerMiniBlock = blockSize / miniBlocksPerBlock;
        this.bitWidths = new byte[miniBlocksPerBlock];
        this.miniBlock = new long[valuesPerMiniBlock];
        this.lastValue = readZigZagLong();
        this.remaining = totalCount;
        this.miniBlockIndex = miniBlocksPerBlock;
        this.miniBlockPosition = valuesPerMiniBlock;
    }

    /** The number of values the header announces. */
    public int totalCount() {
        return totalCount;
    }

    /**
     * Decodes every value of the stream as ints (lengths, prefix lengths) and returns them; afterwards
     * {@link #endPosition()} is where the bytes following the stream start.
     */
    public int[] readAllInts() {
        int[] values = new int[totalCount];
        long[] chunk = new long[Math.min(totalCount, 4096)];
        for (int done = 0; done < totalCount; ) {
            int n = Math.min(chunk.length, totalCount - done);
            read(chunk, n);
            for (int i = 0; i < n; i++) {
                values[done + i] = (int) chunk[i];
            }
            done += n;
        }
        return values;
    }

    /** The offset just after the last miniblock read. */
    public int endPosition() {
        return position;
    }

    @Override
    public void read(long[] out, int n) {
        CorruptDataException.check(n <= remaining, "DELTA_BINARY_PACKED stream holds fewer values than needed");
        int i = 0;
        if (n > 0 && firstPending) {
            out[i++] = narrow(lastValue);
            firstPending = false;
        }
        long value = lastValue;
        while (i < n) {
            if (miniBlockPosition == valuesPerMiniBlock) {
                loadMiniBlock();
            }
            int k = Math.min(n - i, valuesPerMiniBlock - miniBlockPosition);
            long delta = minDelta;
            long[] deltas = miniBlock;
            int from = miniBlockPosition;
            if (int32) {
                for (int j = 0; j < k; j++) {
                    value += delta + deltas[from + j];
                    out[i + j] = (int) value;
                }
            } else {
                for (int j = 0; j < k; j++) {
                    value += delta + deltas[from + j];
                    out[i + j] = value;
                }
            }
            miniBlockPosition += k;
            i += k;
        }
        lastValue = value;
        remaining -= n;
    }

    private long narrow(long value) {
        return int32 ? (int) value : value;
    }

    private void loadMiniBlock() {
        if (miniBlockIndex == miniBlocksPerBlock) {
            minDelta = readZigZagLong();
            CorruptDataException.check(end - position >= miniBlocksPerBlock, "DELTA_BINARY_PACKED block header is cut off");
            System.arraycopy(buffer, position, bitWidths, 0, miniBlocksPerBlock);
            position += miniBlocksPerBlock;
            miniBlockIndex = 0;
        }
        int bitWidth = bitWidths[miniBlockIndex++] & 0xFF;
        CorruptDataException.check(bitWidth <= 64, "DELTA_BINARY_PACKED bit width " + bitWidth + " exceeds 64");
        int bytes = valuesPerMiniBlock / 8 * bitWidth;
        // The spec pads the last miniblock, but be lenient with writers that cut it: the buffer padding keeps
        // the loads in bounds, and only values that exist are ever returned.
        CorruptDataException.check(position < end || bitWidth == 0, "DELTA_BINARY_PACKED miniblock is cut off");
        BitUnpacker.unpackLongs(buffer, position, bitWidth, miniBlock, 0, valuesPerMiniBlock / 8);
        position = Math.min(end, position + bytes);
        miniBlockPosition = 0;
    }

    private int readUnsignedInt() {
        long value = readUnsignedLong();
        CorruptDataException.check(value <= Integer.MAX_VALUE, "DELTA_BINARY_PACKED header value too large");
        return (int) value;
    }

    private long readZigZagLong() {
        long n = readUnsignedLong();
        return (n >>> 1) ^ -(n & 1);
    }

    private long readUnsignedLong() {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            CorruptDataException.check(position < end, "DELTA_BINARY_PACKED stream is cut off");
            int b = buffer[position++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptDataException("DELTA_BINARY_PACKED varint is too long");
    }
}
