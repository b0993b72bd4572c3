package io.polaroid.engine.plan;

import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.expr.ExprEnv;

/** The expression environment of one execution. */
final class VectorEnv {
    private VectorEnv() {
    }

    static ExprEnv of(QueryRuntime runtime) {
        return new ExprEnv(runtime.parameters(), runtime.startMillis());
    }
}
