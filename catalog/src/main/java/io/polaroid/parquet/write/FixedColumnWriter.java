package io.polaroid.parquet.write;

import io.polaroid.parquet.ParquetWriterOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * BOOLEAN, INT32, INT64, FLOAT and DOUBLE columns: values read as longs, dictionary-encoded while the
 * dictionary stays under the page size, PLAIN after that (booleans are always PLAIN).
 */
final class FixedColumnWriter extends ColumnChunkWriter {
    private final Type type;
    private final int width;
    private final long[] scratch = new long[STEP];
    private final LongDictionary dictionary = new LongDictionary();
    private long[] pageValues = new long[1024];
    private int[] pageIndices = new int[1024];
    private int pageCount;
    private boolean useDictionary;
    private boolean pageIsDictionary;
    private boolean dictionaryUsed;
    private final FixedStatistics statistics;

    FixedColumnWriter(ColumnSpec spec, ParquetWriterOptions options) {
        super(spec, options);
        this.type = spec.physicalType();
        this.width = switch (type) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            default -> 0;
        };
        this.useDictionary = options.dictionary() && type != Type.BOOLEAN;
        this.pageIsDictionary = useDictionary;
        this.statistics = new FixedStatistics(type);
    }

    @Override
    void appendValues(FieldVector vector, int from, int n, int[] definitions, int offset) {
        FixedValueReader.read(spec.source(), vector, from, n, scratch);
        if (pageCount + n > pageValues.length) {
            int capacity = Math.max(pageCount + n, pageValues.length * 2);
            pageValues = java.util.Arrays.copyOf(pageValues, capacity);
            pageIndices = java.util.Arrays.copyOf(pageIndices, capacity);
        }
        int count = pageCount;
        for (int i = 0; i < n; i++) {
            if (definitions != null && definitions[offset + i] == 0) {
                continue;
            }
            long value = scratch[i];
            statistics.update(value);
            if (pageIsDictionary) {
                pageIndices[count++] = dictionary.indexOf(value);
            } else {
                pageValues[count++] = value;
            }
        }
        pageCount = count;
    }

    @Override
    long pageValueBytes() {
        return pageIsDictionary ? RleEncoder.dictionaryIndicesSize(pageCount, dictionary.size())
                : type == Type.BOOLEAN ? pageCount / 8 : (long) pageCount * width;
    }

    @Override
    boolean dictionaryFull() {
        return pageIsDictionary && (long) dictionary.size() * width > options.pageSizeBytes();
    }

    @Override
    boolean pageUsesDictionary() {
        return pageIsDictionary;
    }

    @Override
    void drainPageValues(ByteSink out) {
        if (pageIsDictionary) {
            dictionaryUsed = true;
            RleEncoder.encodeDictionaryIndices(pageIndices, pageCount, dictionary.size(), out);
        } else {
            writePlain(pageValues, pageCount, out);
        }
        pageCount = 0;
    }

    private void writePlain(long[] values, int count, ByteSink out) {
        switch (type) {
            case BOOLEAN -> {
                int at = out.reserve((count + 7) / 8);
                byte[] bytes = out.array();
                java.util.Arrays.fill(bytes, at, at + (count + 7) / 8, (byte) 0);
                for (int i = 0; i < count; i++) {
                    if (values[i] != 0) {
                        bytes[at + (i >>> 3)] |= (byte) (1 << (i & 7));
                    }
                }
            }
            case INT32, FLOAT -> {
                int at = out.reserve(count * 4);
                ByteBuffer buffer = ByteBuffer.wrap(out.array(), at, count * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    buffer.putInt((int) values[i]);
                }
            }
            default -> {
                int at = out.reserve(count * 8);
                ByteBuffer buffer = ByteBuffer.wrap(out.array(), at, count * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    buffer.putLong(values[i]);
                }
            }
        }
    }

    @Override
    void afterPage() {
        if (pageIsDictionary && (long) dictionary.size() * width > options.pageSizeBytes()) {
            // Too many distinct values to pay off: the pages written so far keep the dictionary, the rest are PLAIN.
            pageIsDictionary = false;
        }
    }

    @Override
    int writeDictionary(ByteSink out) {
        if (!dictionaryUsed) {
            return 0;
        }
        long[] values = new long[dictionary.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = dictionary.value(i);
        }
        writePlain(values, values.length, out);
        return values.length;
    }

    @Override
    Statistics takeStatistics() {
        return statistics.take();
    }

    @Override
    void resetChunk() {
        dictionary.clear();
        dictionaryUsed = false;
        pageIsDictionary = useDictionary;
    }
}
