package io.polaroid.parquet.write;

import io.polaroid.parquet.ParquetWriterOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

/**
 * Writes one column of a flat schema: buffers a page of definition levels and encoded values, compresses full
 * pages into the row group's chunk, and at the end of a row group writes the dictionary page (if any) and the
 * data pages to the file. Subclasses encode values (fixed-width or byte arrays, dictionary or PLAIN).
 */
abstract class ColumnChunkWriter {
    /** Rows per page at most, like parquet-java: keeps pages small enough to skip and to decode in cache. */
    static final int PAGE_ROW_LIMIT = 20_000;
    /** Rows handled per step: levels and scratch arrays for one step stay in cache. */
    static final int STEP = 4096;

    protected final ColumnSpec spec;
    protected final ParquetWriterOptions options;
    private final PageCompressor compressor;
    private final int[] levels = new int[PAGE_ROW_LIMIT];
    private final ByteSink body = new ByteSink(64 * 1024);
    private final ByteSink levelBytes = new ByteSink(4 * 1024);
    private final ByteSink pages = new ByteSink(256 * 1024);
    private final Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
    private int pageRows;
    private int pageNulls;
    private long chunkRows;
    private long chunkNulls;
    private long uncompressedBytes;

    ColumnChunkWriter(ColumnSpec spec, ParquetWriterOptions options) {
        this.spec = spec;
        this.options = options;
        this.compressor = new PageCompressor(options.codec());
    }

    /** Appends rows {@code [from, from + count)} of {@code vector}. */
    final void write(FieldVector vector, int from, int count) {
        ArrowBuf validity = spec.nullable() ? vector.getValidityBuffer() : null;
        int done = 0;
        while (done < count) {
            int n = Math.min(Math.min(STEP, count - done), PAGE_ROW_LIMIT - pageRows);
            int start = from + done;
            boolean hasNulls = false;
            if (validity != null) {
                for (int i = 0; i < n; i++) {
                    int defined = BitVectorHelper.get(validity, start + i);
                    levels[pageRows + i] = defined;
                    hasNulls |= defined == 0;
                }
            }
            int nulls = hasNulls ? countNulls(pageRows, n) : 0;
            appendValues(vector, start, n, hasNulls ? levels : null, pageRows);
            pageRows += n;
            pageNulls += nulls;
            done += n;
            if (pageRows == PAGE_ROW_LIMIT || pageValueBytes() >= options.pageSizeBytes() || dictionaryFull()) {
                flushPage();
            }
        }
    }

    private int countNulls(int offset, int n) {
        int nulls = 0;
        for (int i = offset; i < offset + n; i++) {
            nulls += 1 - levels[i];
        }
        return nulls;
    }

    /**
     * Encodes the non-null values of rows {@code [from, from + n)}: when {@code definitions} is not null, row
     * {@code i} is null iff {@code definitions[offset + i] == 0}.
     */
    abstract void appendValues(FieldVector vector, int from, int n, int[] definitions, int offset);

    /** Bytes the buffered page values take (an estimate for dictionary indices). */
    abstract long pageValueBytes();

    /** Whether the dictionary grew past its limit; the writer then flushes the page and stops using it. */
    abstract boolean dictionaryFull();

    /** Whether the buffered page holds dictionary indices (otherwise PLAIN values). */
    abstract boolean pageUsesDictionary();

    /** Writes the buffered page values to {@code out} in their encoding and clears them. */
    abstract void drainPageValues(ByteSink out);

    /** Called after a page is flushed: a full dictionary stops being used. */
    abstract void afterPage();

    /** The dictionary's values PLAIN-encoded into {@code out}, and how many there are; 0 when unused. */
    abstract int writeDictionary(ByteSink out);

    /** The chunk's statistics (then reset for the next chunk). */
    abstract Statistics takeStatistics();

    /** Forgets the dictionary at the end of a chunk. */
    abstract void resetChunk();

    final void flushPage() {
        if (pageRows == 0) {
            return;
        }
        boolean dictionary = pageUsesDictionary();
        Encoding valueEncoding = dictionary ? Encoding.RLE_DICTIONARY : Encoding.PLAIN;
        encodings.add(valueEncoding);
        levelBytes.reset();
        if (spec.nullable()) {
            encodings.add(Encoding.RLE);
            RleEncoder.encode(levels, pageRows, 1, levelBytes);
        }
        body.reset();
        PageHeader header;
        if (options.dataPageV2()) {
            drainPageValues(body);
            ByteSink compressed = compressor.compress(body.array(), body.size());
            boolean isCompressed = options.codec() != io.polaroid.parquet.ParquetCodec.UNCOMPRESSED;
            DataPageHeaderV2 v2 = new DataPageHeaderV2(pageRows, pageNulls, pageRows, valueEncoding,
                    levelBytes.size(), 0);
            v2.setIs_compressed(isCompressed);
            header = new PageHeader(PageType.DATA_PAGE_V2, levelBytes.size() + body.size(),
                    levelBytes.size() + compressed.size());
            header.setData_page_header_v2(v2);
            writeHeader(header);
            levelBytes.writeTo(pages);
            compressed.writeTo(pages);
        } else {
            if (spec.nullable()) {
                body.writeIntLE(levelBytes.size());
                levelBytes.writeTo(body);
            }
            drainPageValues(body);
            ByteSink compressed = compressor.compress(body.array(), body.size());
            header = new PageHeader(PageType.DATA_PAGE, body.size(), compressed.size());
            header.setData_page_header(new DataPageHeader(pageRows, valueEncoding, Encoding.RLE, Encoding.RLE));
            writeHeader(header);
            compressed.writeTo(pages);
        }
        uncompressedBytes += header.getUncompressed_page_size();
        chunkRows += pageRows;
        chunkNulls += pageNulls;
        pageRows = 0;
        pageNulls = 0;
        afterPage();
    }

    private void writeHeader(PageHeader header) {
        int before = pages.size();
        try {
            Util.writePageHeader(header, pages);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory page header serialization failed", e);
        }
        uncompressedBytes += pages.size() - before;
    }

    /**
     * Flushes the last page and writes the chunk (dictionary page first) to {@code out}, which is at file
     * offset {@code offset}; returns the chunk's metadata.
     */
    final ColumnChunk writeChunk(OutputStream out, long offset) throws IOException {
        flushPage();
        long start = offset;
        long dictionaryOffset = -1;
        long compressedBytes = 0;
        ByteSink dictionary = new ByteSink(64);
        int dictionarySize = writeDictionary(body.reset0());
        if (dictionarySize > 0) {
            ByteSink compressed = compressor.compress(body.array(), body.size());
            PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, body.size(), compressed.size());
            header.setDictionary_page_header(new DictionaryPageHeader(dictionarySize, Encoding.PLAIN));
            Util.writePageHeader(header, dictionary);
            uncompressedBytes += dictionary.size() + body.size();
            compressed.writeTo(dictionary);
            dictionary.writeTo(out);
            dictionaryOffset = start;
            compressedBytes += dictionary.size();
            encodings.add(Encoding.PLAIN);
        }
        long dataOffset = start + compressedBytes;
        pages.writeTo(out);
        compressedBytes += pages.size();

        List<String> path = List.of(spec.field().getName());
        ColumnMetaData meta = new ColumnMetaData(spec.physicalType(), new ArrayList<>(encodings), path,
                compressor.thriftCodec(), chunkRows, uncompressedBytes, compressedBytes, dataOffset);
        if (dictionaryOffset >= 0) {
            meta.setDictionary_page_offset(dictionaryOffset);
        }
        Statistics statistics = takeStatistics();
        statistics.setNull_count(chunkNulls);
        meta.setStatistics(statistics);
        ColumnChunk chunk = new ColumnChunk(start);
        chunk.setMeta_data(meta);

        pages.reset();
        encodings.clear();
        chunkRows = 0;
        chunkNulls = 0;
        uncompressedBytes = 0;
        resetChunk();
        return chunk;
    }
}
