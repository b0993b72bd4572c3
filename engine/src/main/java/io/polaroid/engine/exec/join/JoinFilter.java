package io.polaroid.engine.exec.join;

import io.polaroid.columnar.Batch;

/**
 * The residual, non-equi part of a join condition ({@code ON l.k = r.k AND l.ts < r.ts}), evaluated over
 * batches of candidate pairs whose keys already match.
 *
 * <p>The candidate batch's columns are the left input's columns followed by the right input's columns, in
 * the inputs' schemas (for SEMI and ANTI joins too, although their output has left columns only). An
 * implementation is typically the engine's vectorized expression evaluator bound to that row type.
 */
public interface JoinFilter extends AutoCloseable {

    /**
     * Evaluates the condition on rows {@code [0, candidates.rowCount())} and writes the indices of the rows
     * where it is TRUE — not FALSE, not NULL — in ascending order to {@code selected[0..n)}.
     *
     * <p>{@code candidates} is valid only during the call; the filter must not keep or write its vectors.
     * {@code selected.length >= candidates.rowCount()}.
     *
     * @return {@code n}, the number of selected rows
     */
    int select(Batch candidates, int[] selected);

    /** Releases what the filter holds; the join operator calls it when it is closed. */
    @Override
    default void close() {
    }
}
