package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * Dictionary-encoded byte arrays: indices are unpacked in bulk, the output size is computed from the
 * dictionary's lengths, and each value's bytes are copied from the dictionary decoded once per chunk.
 */
public final class BinaryDictionaryDecoder extends BinaryValuesDecoder {
    private final BinaryChunk dictionary;
    private final RleBitPackedDecoder indices;
    private int[] scratch;

    public BinaryDictionaryDecoder(BinaryChunk dictionary, byte[] buffer, int position, int end, int[] scratch) {
        this.dictionary = dictionary;
        this.indices = DictionaryIndices.open(buffer, position, end);
        this.scratch = scratch;
    }

    @Override
    public boolean readInto(VariableWidthTarget target, int position, int n) {
        int[] ids = readIndices(n);
        int[] dictOffsets = dictionary.offsets();
        long total = 0;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            total += dictOffsets[id + 1] - dictOffsets[id];
        }
        target.start(position, n, total);
        byte[] dictData = dictionary.data();
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            target.append(dictData, dictOffsets[id], dictOffsets[id + 1] - dictOffsets[id]);
        }
        return true;
    }

    /** Unpacks the next {@code n} indices and checks them against the dictionary. */
    private int[] readIndices(int n) {
        if (scratch.length < n) {
            scratch = new int[n];
        }
        int[] ids = scratch;
        indices.read(ids, 0, n);
        int size = dictionary.count();
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            if (id < 0 || id >= size) {
                throw new CorruptDataException("dictionary index " + id + " outside a dictionary of " + size);
            }
        }
        return ids;
    }

    @Override
    public void read(BinaryChunk out, int n) {
        int[] ids = readIndices(n);
        int[] dictOffsets = dictionary.offsets();
        long total = 0;
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            total += dictOffsets[id + 1] - dictOffsets[id];
        }
        out.reset(n);
        int at = out.reserve(total);
        byte[] data = out.data();
        byte[] dictData = dictionary.data();
        int[] offsets = out.offsets();
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            int from = dictOffsets[id];
            int length = dictOffsets[id + 1] - from;
            BinaryChunk.copy(dictData, from, data, at, length);
            at += length;
            offsets[i + 1] = at;
        }
        out.finish(n);
    }
}
