package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;

/**
 * An expression built from literals only ({@code DATE '1998-12-01' - INTERVAL '90' DAY}, {@code 1 - 0.05}):
 * evaluated once, then handed out like a {@link Constant} for every batch of the same size, instead of
 * being recomputed row by row for every batch.
 */
final class FoldedConstant implements Evaluator {
    private final Evaluator expression;
    private Values cached;
    private int cachedRows = -1;

    FoldedConstant(Evaluator expression) {
        this.expression = expression;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        int rows = batch.rowCount();
        if (rows == cachedRows) {
            return cached;
        }
        Values values = expression.evaluate(batch, active);
        // Under an active mask (a CASE branch) a failing operation is skipped for inactive rows, so the
        // values need not be complete: keep only what was computed for every row.
        if (active == null) {
            cached = values;
            cachedRows = rows;
        }
        return values;
    }
}
