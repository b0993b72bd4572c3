package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.join.JoinFilter;
import io.polaroid.engine.expr.Evaluator;
import io.polaroid.engine.expr.Selection;

/** The non-equi part of a join condition, evaluated by the vector expression engine over candidate pairs. */
public final class ExpressionJoinFilter implements JoinFilter {
    private final Evaluator condition;
    private final Selection selection = new Selection();

    public ExpressionJoinFilter(Evaluator condition) {
        this.condition = condition;
    }

    @Override
    public int select(Batch candidates, int[] selected) {
        int count = selection.select(condition, candidates);
        System.arraycopy(selection.indices(), 0, selected, 0, count);
        return count;
    }
}
