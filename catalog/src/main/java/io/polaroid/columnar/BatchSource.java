package io.polaroid.columnar;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A pull-based stream of {@link Batch}es: a Parquet file reader, an operator of the engine, a query
 * result, a Flight stream. Sources are single-threaded: one consumer calls {@link #next()} and
 * {@link #close()} from one thread at a time.
 *
 * <p>The source owns the memory of the batches it returns; see {@link Batch} for how long they stay valid.
 * {@link #close()} releases everything the source holds and is idempotent. After a failure the consumer
 * still calls {@code close()}.
 */
public interface BatchSource extends AutoCloseable {

    /** The schema of every batch this source returns. Available before the first {@link #next()}. */
    Schema schema();

    /**
     * The next batch, or {@code null} when the stream is exhausted. Never returns an empty batch
     * except possibly as the only batch of an empty result.
     *
     * @throws io.polaroid.error.PolaroidException when the data cannot be produced
     */
    Batch next();

    @Override
    void close();
}
