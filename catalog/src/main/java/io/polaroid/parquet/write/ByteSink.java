package io.polaroid.parquet.write;

import io.polaroid.parquet.decode.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable little-endian byte buffer: pages and column chunks are assembled in these before being written. */
final class ByteSink extends OutputStream {
    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    /** Empties the sink and returns it, for chaining. */
    ByteSink reset0() {
        size = 0;
        return this;
    }

    /** Makes room for {@code more} bytes and returns the offset where they go. */
    int reserve(int more) {
        long needed = (long) size + more + 8;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a page or column chunk exceeds 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(needed, bytes.length * 2L)));
        }
        int at = size;
        size += more;
        return at;
    }

    @Override
    public void write(int b) {
        int at = reserve(1);  // reserve may replace the array: evaluate it first
        bytes[at] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        int at = reserve(length);
        System.arraycopy(source, offset, bytes, at, length);
    }

    void writeIntLE(int value) {
        int at = reserve(4);
        Bytes.putInt(bytes, at, value);
    }

    void writeLongLE(long value) {
        int at = reserve(8);
        Bytes.putLong(bytes, at, value);
    }

    void writeUnsignedVarInt(int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        write(v);
    }

    void writeTo(ByteSink target) {
        target.write(bytes, 0, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}
