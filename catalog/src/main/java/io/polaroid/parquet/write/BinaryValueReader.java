package io.polaroid.parquet.write;

import io.polaroid.parquet.decode.BinaryChunk;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/** Copies slots of a variable-width or decimal vector into a heap {@link BinaryChunk} of physical values. */
final class BinaryValueReader {
    private BinaryValueReader() {
    }

    /** Reads slots {@code [from, from + n)} (null slots included, possibly empty) into {@code out}. */
    static void read(ValueSource source, int typeLength, FieldVector vector, int from, int n, BinaryChunk out) {
        out.reset(n);
        if (source == ValueSource.VARIABLE_WIDTH) {
            ArrowBuf offsets = vector.getOffsetBuffer();
            int start = offsets.getInt((long) from * Integer.BYTES);
            int end = offsets.getInt((long) (from + n) * Integer.BYTES);
            int at = out.reserve(end - start);
            vector.getDataBuffer().getBytes(start, out.data(), at, end - start);
            int[] target = out.offsets();
            long base = offsets.memoryAddress() + (long) from * Integer.BYTES;
            for (int i = 1; i <= n; i++) {
                target[i] = MemoryUtil.getInt(base + (long) i * Integer.BYTES) - start;
            }
        } else {
            ArrowBuf data = vector.getDataBuffer();
            int at = out.reserve((long) n * typeLength);
            byte[] bytes = out.data();
            int[] target = out.offsets();
            for (int i = 0; i < n; i++) {
                long slot = (long) (from + i) * 16;
                long low = data.getLong(slot);
                long high = data.getLong(slot + 8);
                // Big-endian two's complement of the 128-bit value, keeping its last typeLength bytes.
                for (int b = 0; b < typeLength; b++) {
                    int shift = 8 * (typeLength - 1 - b);
                    long word = shift >= 64 ? high : low;
                    int s = shift >= 64 ? shift - 64 : shift;
                    bytes[at + b] = shift >= 128 ? (byte) (high >> 63) : (byte) (word >>> s);
                }
                at += typeLength;
                target[i + 1] = at;
            }
        }
        out.finish(n);
    }
}
