package io.polaroid.engine.plan;

import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** OFFSET and FETCH values of a sort or limit: literals, or parameters resolved per execution. */
final class VectorLimits {
    private VectorLimits() {
    }

    static boolean supports(RexNode node) {
        return node == null || node instanceof RexLiteral || node instanceof RexDynamicParam;
    }

    /** The value of {@code node} for this execution, or {@code absent} when there is none. */
    static long value(RexNode node, QueryRuntime runtime, long absent) {
        if (node == null) {
            return absent;
        }
        Object value = node instanceof RexLiteral ? ((RexLiteral) node).getValueAs(Long.class)
                : runtime.parameters().vectorValue(((RexDynamicParam) node).getIndex());
        if (!(value instanceof Number) || ((Number) value).longValue() < 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "OFFSET and FETCH/LIMIT must be non-negative integers, got " + value);
        }
        return ((Number) value).longValue();
    }
}
