package io.polaroid.server.flight;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Sends the batches of query results to a {@code DoGet} client as the engine makes them, never more than
 * one batch ahead of what gRPC has accepted:
 * <ul>
 *   <li>each batch is sliced into the stream's root without copying ({@code splitAndTransfer} of rows
 *       {@code [0, rowCount)}, which leaves the engine's vectors untouched, as the batch contract asks),
 *       then Flight serializes it and the root lets go of it;</li>
 *   <li>before each batch it waits until the client's transport is ready ({@code isReady}), so a slow
 *       client slows the query instead of filling the server's memory;</li>
 *   <li>a client that cancels or disconnects cancels the query at once (its {@link QueryCancellation}),
 *       which wakes a waiting stream; the caller then closes the result and the query's memory is freed.</li>
 * </ul>
 */
final class ResultStream implements AutoCloseable {
    /** How long a wait for the transport blocks before it looks at the cancel flags again. */
    private static final long WAIT_SLICE_MILLIS = 200;

    private final ServerStreamListener listener;
    private final QueryCancellation cancellation;
    private final BufferAllocator allocator;
    private final Object readiness = new Object();
    private VectorSchemaRoot root;
    private long rows;
    private long bytes;

    ResultStream(ServerStreamListener listener, QueryCancellation cancellation, BufferAllocator allocator) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        listener.setOnReadyHandler(this::wake);
        listener.setOnCancelHandler(() -> {
            cancellation.cancel("the client cancelled the stream or disconnected");
            wake();
        });
        cancellation.onCancel(this::wake);
    }

    /** Sends the schema; called once, before the first batch. */
    void start(Schema schema) {
        root = VectorSchemaRoot.create(schema, allocator);
        listener.start(root);
    }

    boolean started() {
        return root != null;
    }

    /** Sends every batch of {@code source}, with the schema sent by {@link #start}. */
    void send(BatchSource source) {
        if (root == null) {
            throw new IllegalStateException("the stream was not started");
        }
        List<FieldVector> targets = root.getFieldVectors();
        for (Batch batch = source.next(); batch != null; batch = source.next()) {
            if (batch.columnCount() != targets.size()) {
                throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "a batch of " + batch.columnCount()
                        + " columns does not fit the result's " + targets.size());
            }
            if (batch.rowCount() == 0) {
                continue;
            }
            awaitReady();
            try {
                for (int c = 0; c < targets.size(); c++) {
                    TransferPair transfer = batch.column(c).makeTransferPair(targets.get(c));
                    transfer.splitAndTransfer(0, batch.rowCount());
                }
                root.setRowCount(batch.rowCount());
                for (FieldVector target : targets) {
                    bytes += target.getBufferSize();
                }
                listener.putNext();
                rows += batch.rowCount();
            } finally {
                root.clear();
            }
        }
    }

    /** Ends the stream successfully. */
    void complete() {
        listener.completed();
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    private void awaitReady() {
        synchronized (readiness) {
            while (!listener.isReady()) {
                checkCancelled();
                try {
                    readiness.wait(WAIT_SLICE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel("the server thread was interrupted");
                }
            }
        }
        checkCancelled();
    }

    private void checkCancelled() {
        if (listener.isCancelled()) {
            cancellation.cancel("the client cancelled the stream or disconnected");
        }
        cancellation.throwIfCancelled();
    }

    private void wake() {
        synchronized (readiness) {
            readiness.notifyAll();
        }
    }

    @Override
    public void close() {
        if (root != null) {
            root.close();
        }
    }
}
