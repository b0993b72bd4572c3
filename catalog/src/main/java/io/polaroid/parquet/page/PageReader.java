package io.polaroid.parquet.page;

import io.polaroid.parquet.compress.PageDecompressor;
import io.polaroid.parquet.decode.Bytes;
import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.ThriftCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;

/**
 * Walks the pages of one column chunk held in memory: parses each page header, validates its sizes against
 * the chunk, and decompresses into a buffer reused from page to page. Index pages and unknown page types are
 * skipped. Returned pages are valid until the next call.
 */
public final class PageReader {
    private final byte[] chunk;
    private final int chunkEnd;
    private final PageDecompressor decompressor;
    private final boolean uncompressed;
    private byte[] pageBuffer;
    private int position;
    private boolean seenDataPage;

    /**
     * @param chunk       the column chunk's bytes at {@code [0, length)}, padded per {@link Bytes#PADDING}
     * @param pageBuffer  a buffer to reuse for decompressed pages (may be null)
     */
    public PageReader(byte[] chunk, int length, PageDecompressor decompressor, boolean uncompressed, byte[] pageBuffer) {
        Bytes.checkPadded(chunk, length);
        this.chunk = chunk;
        this.chunkEnd = length;
        this.decompressor = decompressor;
        this.uncompressed = uncompressed;
        this.pageBuffer = pageBuffer;
    }

    /** The page buffer, to hand to the next chunk's reader. */
    public byte[] pageBuffer() {
        return pageBuffer;
    }

    public boolean hasMorePages() {
        return position < chunkEnd;
    }

    /** The next page: a {@link DictionaryPage}, a {@link DataPage}, or {@code null} at the end of the chunk. */
    public Object next() {
        while (position < chunkEnd) {
            ThriftCodec.Header parsed = ThriftCodec.readPageHeader(chunk, position, chunkEnd - position);
            PageHeader header = parsed.header();
            int bodyStart = position + parsed.size();
            int compressedSize = CorruptDataException.checkLength(header.getCompressed_page_size(),
                    chunkEnd - bodyStart, "page");
            int uncompressedSize = header.getUncompressed_page_size();
            CorruptDataException.check(uncompressedSize >= 0, "negative uncompressed page size");
            position = bodyStart + compressedSize;
            if (header.getType() == null) {
                continue;
            }
            switch (header.getType()) {
                case DICTIONARY_PAGE:
                    return dictionaryPage(header, bodyStart, compressedSize, uncompressedSize);
                case DATA_PAGE:
                    seenDataPage = true;
                    return dataPageV1(header, bodyStart, compressedSize, uncompressedSize);
                case DATA_PAGE_V2:
                    seenDataPage = true;
                    return dataPageV2(header, bodyStart, compressedSize, uncompressedSize);
                default:
                    // INDEX_PAGE and future page types carry nothing the reader needs.
                    break;
            }
        }
        return null;
    }

    private DictionaryPage dictionaryPage(PageHeader header, int start, int compressedSize, int uncompressedSize) {
        CorruptDataException.check(header.isSetDictionary_page_header(), "dictionary page without its header");
        CorruptDataException.check(!seenDataPage, "dictionary page after a data page");
        DictionaryPageHeader dictionary = header.getDictionary_page_header();
        CorruptDataException.check(dictionary.getNum_values() >= 0, "negative dictionary size");
        byte[] buffer = decompress(start, compressedSize, uncompressedSize);
        int offset = buffer == chunk ? start : 0;
        // The dictionary outlives this page buffer (it is decoded once per chunk), so callers copy it out.
        return new DictionaryPage(buffer, offset, offset + uncompressedSize, dictionary.getNum_values(),
                dictionary.getEncoding());
    }

    private DataPage dataPageV1(PageHeader header, int start, int compressedSize, int uncompressedSize) {
        CorruptDataException.check(header.isSetData_page_header(), "data page without its header");
        DataPageHeader data = header.getData_page_header();
        CorruptDataException.check(data.getNum_values() >= 0, "negative page value count");
        byte[] buffer = decompress(start, compressedSize, uncompressedSize);
        int offset = buffer == chunk ? start : 0;
        int end = offset + uncompressedSize;
        return new DataPage(data.getNum_values(), false, data.getRepetition_level_encoding(),
                data.getDefinition_level_encoding(), data.getEncoding(), buffer, offset, -1, end, buffer, -1, end);
    }

    private DataPage dataPageV2(PageHeader header, int start, int compressedSize, int uncompressedSize) {
        CorruptDataException.check(header.isSetData_page_header_v2(), "data page v2 without its header");
        DataPageHeaderV2 data = header.getData_page_header_v2();
        CorruptDataException.check(data.getNum_values() >= 0 && data.getNum_nulls() >= 0 && data.getNum_rows() >= 0,
                "negative page counts");
        int repetitionLength = CorruptDataException.checkLength(data.getRepetition_levels_byte_length(),
                compressedSize, "repetition levels");
        int definitionLength = CorruptDataException.checkLength(data.getDefinition_levels_byte_length(),
                compressedSize - (long) repetitionLength, "definition levels");
        int levelsLength = repetitionLength + definitionLength;
        int valuesStart = start + levelsLength;
        int compressedValues = compressedSize - levelsLength;
        int uncompressedValues = uncompressedSize - levelsLength;
        CorruptDataException.check(uncompressedValues >= 0, "v2 page levels exceed its uncompressed size");
        byte[] valueBuffer;
        int valueOffset;
        boolean compressed = !data.isSetIs_compressed() || data.isIs_compressed();
        if (compressed && !uncompressed) {
            valueBuffer = decompress(valuesStart, compressedValues, uncompressedValues);
            valueOffset = valueBuffer == chunk ? valuesStart : 0;
        } else {
            CorruptDataException.check(compressedValues == uncompressedValues,
                    "uncompressed v2 page values of " + compressedValues + " bytes claim " + uncompressedValues);
            valueBuffer = chunk;
            valueOffset = valuesStart;
        }
        return new DataPage(data.getNum_values(), true, null, org.apache.parquet.format.Encoding.RLE,
                data.getEncoding(), chunk, start, start + repetitionLength, valuesStart, valueBuffer, valueOffset,
                valueOffset + uncompressedValues);
    }

    /** The page body, decompressed unless the chunk is uncompressed (then the chunk itself is returned). */
    private byte[] decompress(int start, int compressedSize, int uncompressedSize) {
        if (uncompressed) {
            CorruptDataException.check(compressedSize == uncompressedSize, "uncompressed page of " + compressedSize
                    + " bytes claims " + uncompressedSize);
            return chunk;
        }
        CorruptDataException.check(decompressor.plausibleSize(chunk, start, compressedSize, uncompressedSize),
                "page of " + compressedSize + " compressed bytes cannot hold the " + uncompressedSize
                        + " bytes its header claims");
        pageBuffer = Bytes.ensureCapacity(pageBuffer, uncompressedSize);
        decompressor.decompress(chunk, start, compressedSize, pageBuffer, uncompressedSize);
        return pageBuffer;
    }
}
