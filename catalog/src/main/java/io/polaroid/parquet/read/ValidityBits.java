package io.polaroid.parquet.read;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/** Writes Arrow validity bitmaps in bulk. */
final class ValidityBits {
    private ValidityBits() {
    }

    /** Marks {@code count} slots from {@code from} valid: partial bytes bit by bit, whole bytes at once. */
    static void setRange(ArrowBuf validity, int from, int count) {
        int i = from;
        int end = from + count;
        while (i < end && (i & 7) != 0) {
            BitVectorHelper.setBit(validity, i++);
        }
        int wholeBytes = (end - i) >>> 3;
        if (wholeBytes > 0) {
            validity.setOne((long) (i >>> 3), (long) wholeBytes);
            i += wholeBytes << 3;
        }
        while (i < end) {
            BitVectorHelper.setBit(validity, i++);
        }
    }

    /** Marks slot {@code position + i} valid iff {@code levels[levelOffset + i] == maxLevel}, for i < count. */
    static void setFromLevels(ArrowBuf validity, int position, int[] levels, int levelOffset, int count, int maxLevel) {
        for (int i = 0; i < count; i++) {
            BitVectorHelper.setValidityBit(validity, position + i, levels[levelOffset + i] == maxLevel ? 1 : 0);
        }
    }
}
