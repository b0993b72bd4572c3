package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;
import org.apache.arrow.memory.ArrowBuf;

/** PLAIN values of INT32/FLOAT (4 bytes) or INT64/DOUBLE (8 bytes), little-endian. */
public final class PlainFixedDecoder extends FixedValuesDecoder {
    private final byte[] buffer;
    private final int width;
    private final int end;
    private int position;

    public PlainFixedDecoder(int width, byte[] buffer, int position, int end) {
        if (width != 4 && width != 8) {
            throw new IllegalArgumentException("PLAIN fixed width must be 4 or 8: " + width);
        }
        this.width = width;
        this.buffer = buffer;
        this.position = position;
        this.end = end;
    }

    /** How many whole values the remaining bytes hold. */
    public int remainingValues() {
        return (end - position) / width;
    }

    private int take(int n) {
        CorruptDataException.check((long) n * width <= end - position,
                "PLAIN page holds fewer values than its levels announce");
        int at = position;
        position += n * width;
        return at;
    }

    @Override
    public void read(long[] out, int n) {
        int p = take(n);
        if (width == 4) {
            for (int i = 0; i < n; i++, p += 4) {
                out[i] = Bytes.getInt(buffer, p);
            }
        } else {
            for (int i = 0; i < n; i++, p += 8) {
                out[i] = Bytes.getLong(buffer, p);
            }
        }
    }

    @Override
    public boolean canCopyRaw() {
        return true;
    }

    @Override
    public void copyRaw(ArrowBuf target, long byteOffset, int n) {
        int p = take(n);
        target.setBytes(byteOffset, buffer, p, (long) n * width);
    }
}
