package io.polaroid.parquet.decode;

import org.apache.arrow.memory.ArrowBuf;

/**
 * Decodes the non-null values of a page of a fixed-width physical type (BOOLEAN, INT32, INT64, INT96,
 * FLOAT, DOUBLE) into {@code long}s: ints sign-extended, floats and doubles as their IEEE bits, INT96 as
 * microseconds, booleans as 0/1. One implementation per encoding; callers make one virtual call per run of
 * values, never one per value.
 */
public abstract class FixedValuesDecoder {

    /** Decodes the next {@code n} values into {@code out[0..n)}. */
    public abstract void read(long[] out, int n);

    /** Whether {@link #copyRaw} can copy values as stored (PLAIN of a 4- or 8-byte type). */
    public boolean canCopyRaw() {
        return false;
    }

    /** Copies the next {@code n} values, as stored, to {@code target} at {@code byteOffset}. */
    public void copyRaw(ArrowBuf target, long byteOffset, int n) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot copy raw values");
    }
}
