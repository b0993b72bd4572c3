package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * BYTE_STREAM_SPLIT values of 4 or 8 bytes (FLOAT, DOUBLE, INT32, INT64): byte {@code k} of value {@code i}
 * is at {@code k * count + i}, so the page holds {@code width} streams of {@code count} bytes.
 */
public final class ByteStreamSplitDecoder extends FixedValuesDecoder {
    private final byte[] buffer;
    private final int start;
    private final int width;
    private final int count;
    private final boolean int32;
    private int next;

    public ByteStreamSplitDecoder(int width, boolean signExtend32, byte[] buffer, int position, int end) {
        CorruptDataException.check((end - position) % width == 0,
                "BYTE_STREAM_SPLIT page of " + (end - position) + " bytes is not a multiple of " + width);
        this.buffer = buffer;
        this.start = position;
        this.width = width;
        this.count = (end - position) / width;
        this.int32 = signExtend32;
    }

    @Override
    public void read(long[] out, int n) {
        CorruptDataException.check(n <= count - next, "BYTE_STREAM_SPLIT page holds fewer values than needed");
        for (int i = 0; i < n; i++) {
            int at = start + next + i;
            long value = 0;
            for (int k = 0; k < width; k++) {
                value |= (long) (buffer[at + k * count] & 0xFF) << (8 * k);
            }
            out[i] = int32 ? (int) value : value;
        }
        next += n;
    }
}
