package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;

/** The rows of a batch where a boolean expression is TRUE, as ascending row indices. */
public final class Selection {
    private int[] indices = new int[0];
    private long[] words = new long[0];

    /** Evaluates {@code condition} on {@code batch}; returns how many rows are TRUE (see {@link #indices}). */
    public int select(Evaluator condition, Batch batch) {
        int rows = batch.rowCount();
        Values values = condition.evaluate(batch, null);
        int wordCount = Bitmaps.words(rows);
        if (words.length < wordCount) {
            words = new long[wordCount];
        }
        for (int w = 0; w < wordCount; w++) {
            words[w] = values.bits[w] & (values.valid == null ? -1L : values.valid[w]);
        }
        Bitmaps.clearTail(words, rows);
        if (indices.length < rows) {
            indices = new int[rows];
        }
        return Bitmaps.toIndices(words, rows, indices);
    }


    /** The selected row indices of the last {@link #select}. */
    public int[] indices() {
        return indices;
    }
}
