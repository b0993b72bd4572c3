package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.types.ParameterValues;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * An expression built from literals only ({@code DATE '1998-12-01' - INTERVAL '90' DAY}, {@code 1 - 0.05}):
 * computed for one row the first time, then handed out like a {@link Constant}, instead of being
 * recomputed row by row for every batch.
 */
final class FoldedConstant implements Evaluator {
    /** A batch of one row and no columns, for expressions that read none. */
    private static final Batch ONE_ROW = new Batch(List.of(), 1);

    private final Evaluator expression;
    private final ExprKind kind;
    private final int scale;
    private Constant folded;

    FoldedConstant(Evaluator expression, ExprKind kind, int scale) {
        this.expression = expression;
        this.kind = kind;
        this.scale = scale;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        if (folded == null) {
            // Under an active mask (a CASE branch) a failing operation must fail only if a live row
            // reaches it, so the value is computed with the batch's rows and its mask, as written.
            if (active != null) {
                return expression.evaluate(batch, active);
            }
            folded = new Constant(kind, scale, expression.evaluate(ONE_ROW, null).valueAt(0));
        }
        return folded.evaluate(batch, active);
    }

    /**
     * The value of a deterministic, literal-only {@code call} when the plan is compiled, in the
     * representation {@link Constant} takes; empty when it is NULL, cannot be computed by the vector
     * engine, or fails (the failure then happens at run time, where SQL says it does). Dynamic functions
     * ({@code CURRENT_TIMESTAMP}) are never folded here: a cached plan must not freeze the clock.
     */
    static Optional<Object> valueAtCompileTime(RexNode call) {
        if (!(call instanceof RexCall) || !ExprCompiler.literalsOnly(call) || isDynamic(call)) {
            return Optional.empty();
        }
        try {
            Evaluator evaluator = ExprCompiler.compile(call).bind(new ExprEnv(ParameterValues.none(), 0L));
            return Optional.ofNullable(evaluator.evaluate(ONE_ROW, null).valueAt(0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isDynamic(RexNode node) {
        if (!(node instanceof RexCall)) {
            return false;
        }
        RexCall call = (RexCall) node;
        if (call.getOperator().isDynamicFunction()) {
            return true;
        }
        for (RexNode operand : call.getOperands()) {
            if (isDynamic(operand)) {
                return true;
            }
        }
        return false;
    }
}
