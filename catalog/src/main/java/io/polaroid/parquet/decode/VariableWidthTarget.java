package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Writes byte-array values straight into a variable-width Arrow vector. Values are copied in whole 64-bit
 * words, which may write up to 7 bytes past a value (overwritten by the next one, or landing in the slack this
 * class reserves) and read up to 7 bytes past it (sources follow {@link Bytes#PADDING} or keep 8 spare bytes).
 * For the short strings of typical columns this is several times faster than a copy call per value.
 */
public final class VariableWidthTarget {
    private BaseVariableWidthVector vector;
    private long offsetAddress;
    private long dataAddress;
    private int end;

    /** Targets {@code target} (a new vector each batch). */
    public void bind(BaseVariableWidthVector target) {
        this.vector = target;
    }

    /** Prepares to append {@code n} values holding {@code bytes} bytes at slot {@code position}. */
    public void start(int position, int n, long bytes) {
        BaseVariableWidthVector target = vector;
        ArrowBuf offsets = target.getOffsetBuffer();
        if ((long) (position + n + 1) * Integer.BYTES > offsets.capacity()) {
            throw new IllegalStateException("offset buffer too small for " + (position + n) + " values");
        }
        offsetAddress = offsets.memoryAddress() + (long) position * Integer.BYTES;
        int start = MemoryUtil.getInt(offsetAddress);
        long needed = start + bytes + Long.BYTES;
        CorruptDataException.check(needed <= Integer.MAX_VALUE, "more than 2 GiB of values in one vector");
        while (target.getDataBuffer().capacity() < needed) {
            target.reallocDataBuffer();
        }
        dataAddress = target.getDataBuffer().memoryAddress();
        end = start;
    }

    /** Appends {@code source[from..from+length)} as the next value. */
    public void append(byte[] source, int from, int length) {
        long to = dataAddress + end;
        for (int k = 0; k < length; k += Long.BYTES) {
            MemoryUtil.putLong(to + k, Bytes.getLong(source, from + k));
        }
        end += length;
        offsetAddress += Integer.BYTES;
        MemoryUtil.putInt(offsetAddress, end);
    }
}
