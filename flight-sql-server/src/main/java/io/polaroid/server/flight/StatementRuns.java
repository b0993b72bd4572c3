package io.polaroid.server.flight;

import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryCancellation;
import java.util.List;

/**
 * How a statement runs with its bound parameter rows: once per row, one after the other (a client that
 * binds N rows to an update gets the sum of N update counts; to a query, the N results in one stream), or
 * once without parameters when none were bound.
 */
final class StatementRuns {
    private static final List<List<Object>> ONE_RUN_WITHOUT_PARAMETERS = List.of(List.of());

    private StatementRuns() {
    }

    static List<List<Object>> of(List<List<Object>> boundRows) {
        return boundRows.isEmpty() ? ONE_RUN_WITHOUT_PARAMETERS : boundRows;
    }

    /** The options of one run: the server's per-query memory limit and the execution's cancel switch. */
    static ExecutionOptions options(long queryMemoryLimitBytes, QueryCancellation cancellation) {
        return new ExecutionOptions(0, 0, queryMemoryLimitBytes, cancellation);
    }
}
