package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** BYTE_STREAM_SPLIT FIXED_LEN_BYTE_ARRAY values (e.g. FLOAT16, fixed decimals): {@code width} byte streams. */
public final class ByteStreamSplitBinaryDecoder extends BinaryValuesDecoder {
    private final byte[] buffer;
    private final int start;
    private final int width;
    private final int count;
    private int next;

    public ByteStreamSplitBinaryDecoder(int width, byte[] buffer, int position, int end) {
        CorruptDataException.check((end - position) % width == 0,
                "BYTE_STREAM_SPLIT page of " + (end - position) + " bytes is not a multiple of " + width);
        this.buffer = buffer;
        this.start = position;
        this.width = width;
        this.count = (end - position) / width;
    }

    @Override
    public void read(BinaryChunk out, int n) {
        CorruptDataException.check(n <= count - next, "BYTE_STREAM_SPLIT page holds fewer values than needed");
        out.reset(n);
        int at = out.reserve((long) n * width);
        byte[] data = out.data();
        int[] offsets = out.offsets();
        for (int i = 0; i < n; i++) {
            int value = start + next + i;
            for (int k = 0; k < width; k++) {
                data[at + k] = buffer[value + k * count];
            }
            at += width;
            offsets[i + 1] = at;
        }
        next += n;
        out.finish(n);
    }
}
