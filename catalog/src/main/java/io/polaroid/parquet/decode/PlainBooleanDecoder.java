package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** PLAIN booleans: one bit each, least significant bit first. */
public final class PlainBooleanDecoder extends FixedValuesDecoder {
    private final byte[] buffer;
    private final long endBit;
    private long bit;

    public PlainBooleanDecoder(byte[] buffer, int position, int end) {
        this.buffer = buffer;
        this.bit = (long) position * 8;
        this.endBit = (long) end * 8;
    }

    @Override
    public void read(long[] out, int n) {
        CorruptDataException.check(bit + n <= endBit, "PLAIN boolean page holds fewer values than its levels announce");
        long b = bit;
        for (int i = 0; i < n; i++, b++) {
            out[i] = (buffer[(int) (b >>> 3)] >>> (int) (b & 7)) & 1;
        }
        bit = b;
    }
}
