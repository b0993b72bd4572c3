package io.polaroid.engine.expr;

import io.polaroid.engine.types.ParameterValues;
import java.util.Objects;

/**
 * What compiled expressions take from an execution when they are bound: parameter values and the
 * statement's start time (CURRENT_TIMESTAMP).
 */
public record ExprEnv(ParameterValues parameters, long startMillis) {
    public ExprEnv {
        Objects.requireNonNull(parameters, "parameters");
    }
}
