package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;

/** A column of the input batch, read into a register. */
final class InputColumn implements Evaluator {
    private final int index;
    private final Values out;

    InputColumn(int index, ExprKind kind) {
        this.index = index;
        this.out = new Values(kind);
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        ArrowColumns.load(batch.column(index), batch.rowCount(), out);
        return out;
    }
}
