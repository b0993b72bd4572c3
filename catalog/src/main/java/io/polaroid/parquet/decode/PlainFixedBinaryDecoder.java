package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** PLAIN FIXED_LEN_BYTE_ARRAY values: {@code width} bytes each, back to back. */
public final class PlainFixedBinaryDecoder extends BinaryValuesDecoder {
    private final byte[] buffer;
    private final int width;
    private final int end;
    private int position;

    public PlainFixedBinaryDecoder(int width, byte[] buffer, int position, int end) {
        this.width = width;
        this.buffer = buffer;
        this.position = position;
        this.end = end;
    }

    public int remainingValues() {
        return (end - position) / width;
    }

    @Override
    public void read(BinaryChunk out, int n) {
        long bytes = (long) n * width;
        CorruptDataException.check(bytes <= end - position,
                "PLAIN FIXED_LEN_BYTE_ARRAY page holds fewer values than its levels announce");
        out.reset(n);
        int at = out.reserve(bytes);
        System.arraycopy(buffer, position, out.data(), at, (int) bytes);
        int[] offsets = out.offsets();
        for (int i = 1; i <= n; i++) {
            offsets[i] = at + i * width;
        }
        out.finish(n);
        position += (int) bytes;
    }
}
