package io.polaroid.engine.plan;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Locale;
import org.apache.calcite.adapter.enumerable.EnumerableAggregateBase;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Finds what a chosen plan cannot run before it runs: functions that Calcite validates but its row engine
 * has no implementation for (and no vector operator took), such as {@code PERCENTILE_CONT}. Reported as
 * 0A000 naming the function, instead of a code-generation failure.
 */
final class UnsupportedFeatures {
    private UnsupportedFeatures() {
    }

    static void check(RelNode rel) {
        if (rel instanceof EnumerableAggregateBase) {
            for (AggregateCall call : ((org.apache.calcite.rel.core.Aggregate) rel).getAggCallList()) {
                requireImplemented(call.getAggregation(), false);
            }
        }
        if (rel instanceof Window && !(rel instanceof VectorRel)) { // the vector window runs what it accepts
            for (Window.Group group : ((Window) rel).groups) {
                for (Window.RexWinAggCall call : group.aggCalls) {
                    requireImplemented((SqlAggFunction) call.getOperator(), true);
                }
            }
        }
        for (RelNode input : rel.getInputs()) {
            check(input);
        }
    }

    /**
     * The error for a logical plan no combination of operators implements: names an aggregate or window
     * function that has no implementation, or says the query is not supported.
     */
    static PolaroidException cannotPlan(RelNode logical, RuntimeException cause) {
        PolaroidException specific = findUnimplemented(logical);
        if (specific != null) {
            return specific;
        }
        return new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "this query combines features Polaroid cannot run yet", cause);
    }

    private static PolaroidException findUnimplemented(RelNode rel) {
        try {
            if (rel instanceof org.apache.calcite.rel.core.Aggregate) {
                for (AggregateCall call : ((org.apache.calcite.rel.core.Aggregate) rel).getAggCallList()) {
                    requireImplemented(call.getAggregation(), false);
                }
            }
            if (rel instanceof Window) {
                check(rel);
            }
        } catch (PolaroidException e) {
            return e;
        }
        for (RelNode input : rel.getInputs()) {
            PolaroidException found = findUnimplemented(input);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void requireImplemented(SqlAggFunction function, boolean window) {
        if (RexImpTable.INSTANCE.get(function, window) == null) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "the aggregate function "
                    + function.getName().toUpperCase(Locale.ROOT) + (window ? " as a window function" : "")
                    + " is not supported yet");
        }
    }

}
