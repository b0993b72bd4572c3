package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * Dictionary-encoded fixed-width values: a bit width byte, then RLE/bit-packed indices into a dictionary
 * decoded once per column chunk. Indices are unpacked in bulk, then mapped in one tight loop.
 */
public final class FixedDictionaryDecoder extends FixedValuesDecoder {
    private final long[] dictionary;
    private final RleBitPackedDecoder indices;
    private int[] scratch;

    public FixedDictionaryDecoder(long[] dictionary, byte[] buffer, int position, int end, int[] scratch) {
        this.dictionary = dictionary;
        this.indices = DictionaryIndices.open(buffer, position, end);
        this.scratch = scratch;
    }

    @Override
    public void read(long[] out, int n) {
        if (scratch.length < n) {
            scratch = new int[n];
        }
        int[] ids = scratch;
        indices.read(ids, 0, n);
        long[] dict = dictionary;
        int size = dict.length;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (id < 0 || id >= size) {
                throw new CorruptDataException("dictionary index " + id + " outside a dictionary of " + size);
            }
            out[i] = dict[id];
        }
    }
}
