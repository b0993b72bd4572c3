package io.polaroid.parquet.decode;

/** A stream of repetition or definition levels. */
public interface LevelDecoder {

    /**
     * Reads the next {@code n} levels into {@code out[offset..]} and returns how many of them equal {@code level}
     * (callers pass the max definition level to learn the number of non-null values).
     */
    int read(int[] out, int offset, int n, int level);
}
