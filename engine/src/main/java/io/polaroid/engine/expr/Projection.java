package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import org.apache.arrow.vector.FieldVector;

/** Evaluates expressions into Arrow vectors. */
public final class Projection {
    private Projection() {
    }

    /** Evaluates {@code evaluator} over {@code batch} and writes the result into {@code target}. */
    public static void evaluateInto(Evaluator evaluator, Batch batch, FieldVector target) {
        Values values = evaluator.evaluate(batch, null);
        ArrowWriter.store(values, target);
    }
}
