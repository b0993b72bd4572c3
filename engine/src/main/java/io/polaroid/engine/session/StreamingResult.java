package io.polaroid.engine.session;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.sql.SqlErrors;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of a query as they are produced: pulls batches from the plan's operator tree on demand,
 * stops at {@code maxRows}, turns failures into SQLState errors, and on {@link #close()} closes the
 * operators and the query's memory account (which must then be empty).
 *
 * <p>{@link #schema()} is the result schema clients see (SQL column names, column metadata); the vectors
 * of a batch have the same types but may carry the operators' internal field names.
 */
final class StreamingResult implements QueryResult {
    private final String sql;
    private final BatchSource source;
    private final Schema schema;
    private final ExecutionContext context;
    private final long maxRows;
    private final Runnable onClose;
    private final List<String> warnings;
    private long rowsReturned;
    private boolean finished;
    private boolean closed;

    StreamingResult(String sql, BatchSource source, Schema schema, ExecutionContext context, long maxRows,
                    List<String> warnings, Runnable onClose) {
        this.sql = sql;
        this.source = Objects.requireNonNull(source, "source");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.context = Objects.requireNonNull(context, "context");
        this.maxRows = maxRows;
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("the result is closed");
        }
        if (finished) {
            return null;
        }
        try {
            context.checkCancelled();
            Batch batch = source.next();
            if (batch == null) {
                finished = true;
                return null;
            }
            if (maxRows > 0 && rowsReturned + batch.rowCount() >= maxRows) {
                finished = true;
                int keep = (int) (maxRows - rowsReturned);
                rowsReturned = maxRows;
                return keep == batch.rowCount() ? batch : new Batch(batch.columns(), keep);
            }
            rowsReturned += batch.rowCount();
            return batch;
        } catch (RuntimeException | OutOfMemoryError e) {
            finished = true;
            throw SqlErrors.translate(e, sql);
        }
    }

    @Override
    public long updateCount() {
        return -1;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } finally {
            onClose.run();
        }
    }
}
