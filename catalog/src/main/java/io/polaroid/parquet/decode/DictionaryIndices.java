package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/** The index stream of a dictionary-encoded data page: one bit-width byte, then the RLE/bit-packed hybrid. */
final class DictionaryIndices {
    private DictionaryIndices() {
    }

    static RleBitPackedDecoder open(byte[] buffer, int position, int end) {
        if (position == end) {
            // A page whose values are all null may carry no index stream at all.
            return new RleBitPackedDecoder(0).reset(buffer, position, end);
        }
        int bitWidth = buffer[position] & 0xFF;
        CorruptDataException.check(bitWidth <= 32, "dictionary index bit width " + bitWidth + " exceeds 32");
        return new RleBitPackedDecoder(bitWidth).reset(buffer, position + 1, end);
    }
}
