package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;

/**
 * A compiled expression bound to one execution: evaluates itself over all rows of a batch at once.
 * Evaluators are single-threaded and own their result register.
 */
public interface Evaluator {

    /**
     * The expression's values for rows {@code [0, batch.rowCount())}, valid until the next call.
     *
     * @param active the rows whose values will be used ({@code null}: all). Operations that can fail
     *               (division by zero, a bad cast) fail only for active rows, so
     *               {@code CASE WHEN x <> 0 THEN 1 / x END} does not fail where x = 0.
     */
    Values evaluate(Batch batch, long[] active);
}
