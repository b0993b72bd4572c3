package io.polaroid.parquet.page;

import org.apache.parquet.format.Encoding;

/**
 * A data page ready to decode. Level sections and the value section may live in different buffers (a v2
 * page keeps its levels uncompressed in the chunk, its values decompressed elsewhere); every buffer follows
 * {@link io.polaroid.parquet.decode.Bytes#PADDING}.
 *
 * @param valueCount        level entries in the page (values plus nulls)
 * @param v2                whether it is a DATA_PAGE_V2 (levels without length prefix, always RLE)
 * @param levelBuffer       buffer holding the level sections
 * @param repetitionStart   start of the repetition levels (v2: exact section; v1: section incl. prefix)
 * @param definitionStart   start of the definition levels for v2 (v1: found after the repetition levels)
 * @param levelsEnd         end of the level sections (v2) or of the whole page (v1)
 */
public record DataPage(int valueCount, boolean v2, Encoding repetitionEncoding, Encoding definitionEncoding,
                       Encoding valueEncoding, byte[] levelBuffer, int repetitionStart, int definitionStart,
                       int levelsEnd, byte[] valueBuffer, int valuesStart, int valuesEnd) {
}
