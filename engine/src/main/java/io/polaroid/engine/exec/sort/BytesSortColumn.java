package io.polaroid.engine.exec.sort;

import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.RowStore;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.FieldVector;

/**
 * Utf8 and Binary sort columns, compared as unsigned bytes (UTF-8 byte order is code point order) straight
 * from the stored vectors; the prefix is the first 8 bytes, big-endian, zero-padded.
 */
final class BytesSortColumn extends SortKeyColumn {
    private long[] prefixes = new long[0];
    private ArrowBuf[] data = new ArrowBuf[0];
    private ArrowBuf[] offsets = new ArrowBuf[0];

    BytesSortColumn(MemoryReservation memory) {
        super(memory, 8);
    }

    @Override
    protected void grow(int capacity) {
        prefixes = Arrays.copyOf(prefixes, capacity);
    }

    @Override
    protected void loadRange(FieldVector vector, int from, int count, int at) {
        ArrowBuf bytes = vector.getDataBuffer();
        ArrowBuf ends = vector.getOffsetBuffer();
        for (int i = 0; i < count; i++) {
            int start = ends.getInt((long) (from + i) << 2);
            int length = ends.getInt((long) (from + i + 1) << 2) - start;
            long prefix = 0;
            int take = Math.min(length, 8);
            for (int b = 0; b < take; b++) {
                prefix |= (bytes.getByte(start + b) & 0xFFL) << (56 - 8 * b);
            }
            prefixes[at + i] = prefix ^ Long.MIN_VALUE; // unsigned order as signed order
        }
    }

    @Override
    protected void bind(FieldVector[] chunks) {
        data = new ArrowBuf[chunks.length];
        offsets = new ArrowBuf[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            data[i] = chunks[i].getDataBuffer();
            offsets[i] = chunks[i].getOffsetBuffer();
        }
    }

    @Override
    int compareValues(int a, int b) {
        int c = Long.compare(prefixes[a], prefixes[b]);
        if (c != 0) {
            return c;
        }
        int chunkA = RowStore.chunkOf(a);
        int chunkB = RowStore.chunkOf(b);
        long offsetA = (long) RowStore.indexInChunk(a) << 2;
        long offsetB = (long) RowStore.indexInChunk(b) << 2;
        int startA = offsets[chunkA].getInt(offsetA);
        int endA = offsets[chunkA].getInt(offsetA + 4);
        int startB = offsets[chunkB].getInt(offsetB);
        int endB = offsets[chunkB].getInt(offsetB + 4);
        return ByteFunctionHelpers.compare(data[chunkA], startA, endA, data[chunkB], startB, endB);
    }

    @Override
    long prefix(int row) {
        return prefixes[row];
    }

    @Override
    boolean exactPrefix() {
        return false;
    }
}
