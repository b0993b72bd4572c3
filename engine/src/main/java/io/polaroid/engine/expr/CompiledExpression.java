package io.polaroid.engine.expr;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An expression compiled once per plan; {@link #bind} makes the evaluator of one execution (evaluators
 * hold per-execution state: parameter values and their result registers).
 */
public final class CompiledExpression {
    private final RelDataType type;
    private final Binder binder;

    /** Makes the evaluator of one execution. */
    @FunctionalInterface
    interface Binder {
        Evaluator bind(ExprEnv env);
    }

    CompiledExpression(RelDataType type, Binder binder) {
        this.type = Objects.requireNonNull(type, "type");
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    public RelDataType type() {
        return type;
    }

    public ExprKind kind() {
        return ExprKind.of(type);
    }

    public Evaluator bind(ExprEnv env) {
        return binder.bind(env);
    }
}
