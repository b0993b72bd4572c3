package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * DELTA_LENGTH_BYTE_ARRAY: all lengths first (DELTA_BINARY_PACKED), then all bytes back to back, so a run of
 * values is one contiguous copy.
 */
public final class DeltaLengthBinaryDecoder extends BinaryValuesDecoder {
    private final byte[] buffer;
    private final int[] lengths;
    private int next;
    private int position;

    public DeltaLengthBinaryDecoder(byte[] buffer, int position, int end, int maxValues) {
        DeltaBinaryPackedDecoder lengthDecoder = new DeltaBinaryPackedDecoder(buffer, position, end, true, maxValues);
        this.lengths = lengthDecoder.readAllInts();
        this.buffer = buffer;
        this.position = lengthDecoder.endPosition();
        long total = 0;
        for (int length : lengths) {
            CorruptDataException.check(length >= 0, "negative DELTA_LENGTH_BYTE_ARRAY length");
            total += length;
        }
        CorruptDataException.checkLength(total, end - (long) this.position, "DELTA_LENGTH_BYTE_ARRAY data");
    }

    /** The number of values in the stream. */
    public int count() {
        return lengths.length;
    }

    /** Bytes of the next value, for {@link DeltaByteArrayDecoder}. */
    int nextLength() {
        CorruptDataException.check(next < lengths.length, "DELTA_LENGTH_BYTE_ARRAY holds fewer values than needed");
        return lengths[next];
    }

    /** Copies the next value's bytes to {@code target[at..]} and returns its length. */
    int copyNext(byte[] target, int at) {
        int length = nextLength();
        System.arraycopy(buffer, position, target, at, length);
        position += length;
        next++;
        return length;
    }

    @Override
    public void read(BinaryChunk out, int n) {
        CorruptDataException.check(n <= lengths.length - next, "DELTA_LENGTH_BYTE_ARRAY holds fewer values than needed");
        out.reset(n);
        int[] offsets = out.offsets();
        int at = 0;
        for (int i = 0; i < n; i++) {
            at += lengths[next + i];
            offsets[i + 1] = at;
        }
        int start = out.reserve(at);
        System.arraycopy(buffer, position, out.data(), start, at);
        position += at;
        next += n;
        out.finish(n);
    }
}
