package io.polaroid.engine.api;

import io.polaroid.columnar.Batch;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A result that releases one more thing after itself when it is closed: the statement or plan that made
 * it, its registration among a session's running queries. Whoever hands out a result that depends on
 * such a thing wraps it here, so the thing lives exactly as long as the rows are read.
 */
public final class ReleasingResult implements QueryResult {
    private final QueryResult result;
    private final AutoCloseable release;

    private ReleasingResult(QueryResult result, AutoCloseable release) {
        this.result = Objects.requireNonNull(result, "result");
        this.release = Objects.requireNonNull(release, "release");
    }

    /** {@code result}, which closes {@code release} after itself, even when closing the result fails. */
    public static QueryResult of(QueryResult result, AutoCloseable release) {
        return new ReleasingResult(result, release);
    }

    @Override
    public Schema schema() {
        return result.schema();
    }

    @Override
    public Batch next() {
        return result.next();
    }

    @Override
    public long updateCount() {
        return result.updateCount();
    }

    @Override
    public List<String> warnings() {
        return result.warnings();
    }

    @Override
    public void close() {
        try {
            result.close();
        } finally {
            try {
                release.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not release what the result depended on", e);
            }
        }
    }
}
