package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;
import java.util.Arrays;

/**
 * DELTA_BYTE_ARRAY (incremental encoding): prefix lengths (DELTA_BINARY_PACKED), then suffixes
 * (DELTA_LENGTH_BYTE_ARRAY); each value is the previous value's prefix followed by its suffix.
 */
public final class DeltaByteArrayDecoder extends BinaryValuesDecoder {
    private final int[] prefixLengths;
    private final DeltaLengthBinaryDecoder suffixes;
    private byte[] previous = new byte[64];
    private int previousLength;
    private int next;

    public DeltaByteArrayDecoder(byte[] buffer, int position, int end, int maxValues) {
        DeltaBinaryPackedDecoder prefixDecoder = new DeltaBinaryPackedDecoder(buffer, position, end, true, maxValues);
        this.prefixLengths = prefixDecoder.readAllInts();
        this.suffixes = new DeltaLengthBinaryDecoder(buffer, prefixDecoder.endPosition(), end, maxValues);
        CorruptDataException.check(suffixes.count() == prefixLengths.length,
                "DELTA_BYTE_ARRAY has " + prefixLengths.length + " prefixes but " + suffixes.count() + " suffixes");
    }

    @Override
    public void read(BinaryChunk out, int n) {
        CorruptDataException.check(n <= prefixLengths.length - next, "DELTA_BYTE_ARRAY holds fewer values than needed");
        out.reset(n);
        int[] offsets = out.offsets();
        for (int i = 0; i < n; i++) {
            int prefix = prefixLengths[next++];
            CorruptDataException.check(prefix >= 0 && prefix <= previousLength,
                    "DELTA_BYTE_ARRAY prefix of " + prefix + " bytes is longer than the previous value");
            int suffix = suffixes.nextLength();
            int length = prefix + suffix;
            int at = out.reserve(length);
            byte[] data = out.data();
            System.arraycopy(previous, 0, data, at, prefix);
            suffixes.copyNext(data, at + prefix);
            if (previous.length < length) {
                previous = Arrays.copyOf(previous, Math.max(length, previous.length * 2));
            }
            System.arraycopy(data, at, previous, 0, length);
            previousLength = length;
            offsets[i + 1] = at + length;
            out.finish(i + 1);
        }
    }
}
