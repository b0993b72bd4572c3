package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** PLAIN BYTE_ARRAY values: a 4-byte little-endian length, then the bytes. */
public final class PlainBinaryDecoder extends BinaryValuesDecoder {
    private final byte[] buffer;
    private final int end;
    private int position;

    public PlainBinaryDecoder(byte[] buffer, int position, int end) {
        this.buffer = buffer;
        this.position = position;
        this.end = end;
    }

    /** An upper bound of the values left (each takes at least its 4-byte length). */
    public int maxRemainingValues() {
        return (end - position) / 4;
    }

    /** Validates the next {@code n} lengths and returns their total, so outputs grow once. */
    private long totalLength(int n) {
        int p = position;
        long total = 0;
        for (int i = 0; i < n; i++) {
            CorruptDataException.check(end - p >= 4, "PLAIN BYTE_ARRAY page holds fewer values than its levels announce");
            int length = Bytes.getInt(buffer, p);
            CorruptDataException.checkLength(length, end - p - 4L, "BYTE_ARRAY value");
            p += 4 + length;
            total += length;
        }
        return total;
    }

    @Override
    public boolean readInto(VariableWidthTarget target, int slot, int n) {
        target.start(slot, n, totalLength(n));
        int p = position;
        for (int i = 0; i < n; i++) {
            int length = Bytes.getInt(buffer, p);
            target.append(buffer, p + 4, length);
            p += 4 + length;
        }
        position = p;
        return true;
    }

    @Override
    public void read(BinaryChunk out, int n) {
        out.reset(n);
        int at = out.reserve(totalLength(n));
        byte[] data = out.data();
        int[] offsets = out.offsets();
        int p = position;
        for (int i = 0; i < n; i++) {
            int length = Bytes.getInt(buffer, p);
            BinaryChunk.copy(buffer, p + 4, data, at, length);
            p += 4 + length;
            at += length;
            offsets[i + 1] = at;
        }
        out.finish(n);
        position = p;
    }
}
