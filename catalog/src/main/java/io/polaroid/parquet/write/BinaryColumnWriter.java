package io.polaroid.parquet.write;

import io.polaroid.parquet.ParquetWriterOptions;
import io.polaroid.parquet.decode.BinaryChunk;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * BYTE_ARRAY (strings, binaries) and FIXED_LEN_BYTE_ARRAY (wide decimals) columns: a batch's bytes are copied
 * to the heap once, then dictionary-encoded while the dictionary stays under the page size, PLAIN after that.
 */
final class BinaryColumnWriter extends ColumnChunkWriter {
    /** Longer bounds would bloat the footer; such chunks get no min/max. */
    private static final int MAX_STATISTICS_LENGTH = 1024;

    private final boolean fixedLength;
    private final boolean signedOrder;
    private final BinaryChunk scratch = new BinaryChunk();
    private final BinaryDictionary dictionary = new BinaryDictionary();
    private final ByteSink plainValues = new ByteSink(64 * 1024);
    private int[] pageIndices = new int[1024];
    private int pageCount;
    private final boolean useDictionary;
    private boolean pageIsDictionary;
    private boolean dictionaryUsed;
    private byte[] min;
    private byte[] max;
    private boolean tooLongForStatistics;

    BinaryColumnWriter(ColumnSpec spec, ParquetWriterOptions options) {
        super(spec, options);
        this.fixedLength = spec.physicalType() == Type.FIXED_LEN_BYTE_ARRAY;
        // Fixed-length columns here are decimals: two's complement, so the first byte compares signed.
        this.signedOrder = fixedLength;
        this.useDictionary = options.dictionary();
        this.pageIsDictionary = useDictionary;
    }

    @Override
    void appendValues(FieldVector vector, int from, int n, int[] definitions, int offset) {
        BinaryValueReader.read(spec.source(), spec.typeLength(), vector, from, n, scratch);
        byte[] data = scratch.data();
        int[] offsets = scratch.offsets();
        if (pageCount + n > pageIndices.length) {
            pageIndices = Arrays.copyOf(pageIndices, Math.max(pageCount + n, pageIndices.length * 2));
        }
        for (int i = 0; i < n; i++) {
            if (definitions != null && definitions[offset + i] == 0) {
                continue;
            }
            int start = offsets[i];
            int length = offsets[i + 1] - start;
            updateStatistics(data, start, length);
            if (pageIsDictionary) {
                pageIndices[pageCount++] = dictionary.indexOf(data, start, length);
            } else {
                if (!fixedLength) {
                    plainValues.writeIntLE(length);
                }
                plainValues.write(data, start, length);
                pageCount++;
            }
        }
    }

    private void updateStatistics(byte[] data, int start, int length) {
        if (length > MAX_STATISTICS_LENGTH) {
            tooLongForStatistics = true;
            return;
        }
        if (min == null || compare(data, start, length, min) < 0) {
            min = Arrays.copyOfRange(data, start, start + length);
        }
        if (max == null || compare(data, start, length, max) > 0) {
            max = Arrays.copyOfRange(data, start, start + length);
        }
    }

    private int compare(byte[] data, int start, int length, byte[] other) {
        if (signedOrder && length > 0 && other.length > 0 && data[start] != other[0]) {
            return Byte.compare(data[start], other[0]);
        }
        int common = Math.min(length, other.length);
        for (int i = 0; i < common; i++) {
            int a = data[start + i] & 0xFF;
            int b = other[i] & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        return length - other.length;
    }

    @Override
    long pageValueBytes() {
        return pageIsDictionary ? RleEncoder.dictionaryIndicesSize(pageCount, dictionary.size())
                : plainValues.size();
    }

    @Override
    boolean dictionaryFull() {
        return pageIsDictionary && dictionary.plainSize() > options.pageSizeBytes();
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
            plainValues.writeTo(out);
            plainValues.reset();
        }
        pageCount = 0;
    }

    @Override
    void afterPage() {
        if (pageIsDictionary && dictionary.plainSize() > options.pageSizeBytes()) {
            pageIsDictionary = false;
        }
    }

    @Override
    int writeDictionary(ByteSink out) {
        if (!dictionaryUsed) {
            return 0;
        }
        for (int i = 0; i < dictionary.size(); i++) {
            if (!fixedLength) {
                out.writeIntLE(dictionary.length(i));
            }
            out.write(dictionary.data(), dictionary.offset(i), dictionary.length(i));
        }
        return dictionary.size();
    }

    @Override
    Statistics takeStatistics() {
        Statistics statistics = new Statistics();
        if (min != null && !tooLongForStatistics) {
            statistics.setMin_value(min);
            statistics.setMax_value(max);
        }
        min = null;
        max = null;
        tooLongForStatistics = false;
        return statistics;
    }

    @Override
    void resetChunk() {
        dictionary.clear();
        dictionaryUsed = false;
        pageIsDictionary = useDictionary;
    }
}
