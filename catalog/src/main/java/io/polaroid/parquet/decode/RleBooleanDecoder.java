package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** RLE-encoded booleans (data page v2): a 4-byte length, then the RLE/bit-packed hybrid with bit width 1. */
public final class RleBooleanDecoder extends FixedValuesDecoder {
    private final RleBitPackedDecoder rle = new RleBitPackedDecoder(1);
    private int[] scratch = new int[0];

    public RleBooleanDecoder(byte[] buffer, int position, int end) {
        CorruptDataException.check(end - position >= 4, "RLE boolean page has no length prefix");
        int length = CorruptDataException.checkLength(Bytes.getInt(buffer, position), end - position - 4L,
                "RLE boolean data");
        rle.reset(buffer, position + 4, position + 4 + length);
    }

    @Override
    public void read(long[] out, int n) {
        if (scratch.length < n) {
            scratch = new int[n];
        }
        rle.read(scratch, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] = scratch[i] & 1;
        }
    }
}
