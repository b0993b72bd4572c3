package io.polaroid.jdbc.cursor;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.QueryCancellation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Avatica cursor that reads a stream of Arrow batches in place: accessors read the current batch's
 * vectors, and the next batch is pulled from the source only when the current one is used up. Rows are
 * never copied, so a result of any size streams in the memory of one batch.
 *
 * <p>The cursor owns the source: it closes it as soon as the stream ends (freeing the query's memory
 * while the result set may stay open), when a batch fails, or when the result set closes. Moving
 * within a batch is a field increment; only pulling a batch takes the lock that {@link #close()} takes,
 * so a close from another thread never frees a batch while {@code next()} is pulling one.
 */
public final class ArrowCursor implements Cursor {
    private static final Logger LOG = LoggerFactory.getLogger(ArrowCursor.class);

    private final BatchSource source;
    private final long maxRows;
    private final QueryCancellation cancellation;
    private final Function<RuntimeException, SQLException> errors;
    private final Runnable onClose;
    private final ReadPosition position = new ReadPosition();
    private List<ArrowAccessor> accessors = List.of();
    private int rowCount;
    private long rowsStarted;
    private boolean exhausted;
    private boolean closed;
    private SQLException failure;

    /**
     * @param source       the batches; closed by this cursor
     * @param maxRows      stop after this many rows; 0 for all (JDBC's {@code Statement.setMaxRows})
     * @param cancellation checked before each batch is pulled
     * @param errors       turns a failure of the source into the SQLException the user sees
     * @param onClose      runs once when the cursor closes, just before the source is closed
     */
    public ArrowCursor(BatchSource source, long maxRows, QueryCancellation cancellation,
                       Function<RuntimeException, SQLException> errors, Runnable onClose) {
        this.source = Objects.requireNonNull(source, "source");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        this.maxRows = maxRows;
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.position.row = -1;
    }

    /** Accessors for the source's schema; {@code columns} describes the same fields for Avatica. */
    @Override
    public List<Accessor> createAccessors(List<ColumnMetaData> columns, Calendar localCalendar,
                                          ArrayImpl.Factory factory) {
        List<Field> fields = source.schema().getFields();
        if (columns.size() != fields.size()) {
            throw new IllegalStateException("result declares " + columns.size() + " columns but its batches have "
                    + fields.size());
        }
        List<ArrowAccessor> created = new ArrayList<>(fields.size());
        for (Field field : fields) {
            created.add(Accessors.create(field, position, localCalendar));
        }
        accessors = created;
        return List.copyOf(created);
    }

    @Override
    public boolean next() throws SQLException {
        if (++position.row < rowCount) {
            return true;
        }
        return nextBatch();
    }

    private synchronized boolean nextBatch() throws SQLException {
        if (failure != null) {
            throw new SQLException("the result failed earlier: " + failure.getMessage(), failure.getSQLState(),
                    failure);
        }
        if (closed || exhausted) {
            rowCount = 0;
            return false;
        }
        try {
            while (true) {
                if (maxRows > 0 && rowsStarted >= maxRows) {
                    finish();
                    return false;
                }
                cancellation.throwIfCancelled();
                Batch batch = source.next();
                if (batch == null) {
                    finish();
                    return false;
                }
                int rows = batch.rowCount();
                if (rows == 0) {
                    continue;
                }
                if (maxRows > 0) {
                    rows = (int) Math.min(rows, maxRows - rowsStarted);
                }
                bind(batch);
                rowsStarted += rows;
                rowCount = rows;
                position.row = 0;
                return true;
            }
        } catch (RuntimeException e) {
            failure = errors.apply(e);
            close();
            throw failure;
        }
    }

    private void bind(Batch batch) {
        if (batch.columnCount() != accessors.size()) {
            throw new IllegalStateException("a batch of " + batch.columnCount() + " columns arrived for a result of "
                    + accessors.size());
        }
        for (int i = 0; i < accessors.size(); i++) {
            accessors.get(i).bind(batch.column(i));
        }
    }

    /** The stream ended: free the query's memory now rather than when the result set closes. */
    private void finish() {
        exhausted = true;
        close();
    }

    @Override
    public boolean wasNull() {
        return position.wasNull;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        rowCount = 0;
        for (ArrowAccessor accessor : accessors) {
            accessor.bind(null);
        }
        try {
            onClose.run();
        } finally {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a query result failed", e);
            }
        }
    }
}
