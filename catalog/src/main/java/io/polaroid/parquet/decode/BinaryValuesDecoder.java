package io.polaroid.parquet.decode;

/** Decodes the non-null values of a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY page. One implementation per encoding. */
public abstract class BinaryValuesDecoder {

    /** Decodes the next {@code n} values into {@code out}, which is reset first. */
    public abstract void read(BinaryChunk out, int n);

    /**
     * Decodes the next {@code n} values straight into a variable-width vector from slot {@code position}, if this
     * encoding has such a path (skipping the intermediate {@link BinaryChunk} copy); returns false otherwise.
     */
    public boolean readInto(VariableWidthTarget target, int position, int n) {
        return false;
    }
}
