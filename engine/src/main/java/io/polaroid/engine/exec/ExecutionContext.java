package io.polaroid.engine.exec;

import io.polaroid.engine.api.QueryCancellation;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every operator of one query execution shares: the query's memory account, its cancel switch,
 * and the batch size operators aim for.
 *
 * <p>The allocator is a child of the engine's root allocator with the query's limit; everything an
 * operator allocates comes from it, so closing the query's operators must bring it back to zero.
 */
public final class ExecutionContext {
    /** Rows per batch operators produce unless their input dictates otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 8192;

    private final BufferAllocator allocator;
    private final QueryCancellation cancellation;
    private final int batchRows;

    public ExecutionContext(BufferAllocator allocator, QueryCancellation cancellation, int batchRows) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
        }
        this.batchRows = batchRows;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public QueryCancellation cancellation() {
        return cancellation;
    }

    public int batchRows() {
        return batchRows;
    }

    /** Throws {@code 57014} if the query was cancelled; operators call this once per batch. */
    public void checkCancelled() {
        cancellation.throwIfCancelled();
    }
}
