package io.polaroid.engine.exec.ops;

import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanSplit;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the splits of a {@link ScanPlan} on several threads at once, and runs on each thread the
 * operators that work batch by batch above the scan (a <em>stage</em>: filters, projections, a partial
 * aggregation), so that work is spread over the cores too, not just decoding.
 *
 * <p>Each worker pulls splits from a shared queue as one stream of batches, applies its own instance of
 * the stage to that stream (operators are single-threaded; each worker has its own), and hands the
 * stage's batches to the consumer without copying: it waits until the consumer asks for its next batch
 * (and so is done with this one) before it goes on, because a batch is only valid until its source's next
 * call. With {@code n} workers up to {@code n} batches are ready ahead. Batches arrive in whatever order
 * the workers finish them; SQL does not promise an order without ORDER BY.
 */
public final class ParallelScanSource implements BatchSource {
    private static final long POLL_MILLIS = 50;

    private final ExecutionContext context;
    private final ScanPlan plan;
    private final List<ScanSplit> splits;
    private final UnaryOperator<BatchSource> stage;
    private final Schema schema;
    private final AtomicInteger nextSplit = new AtomicInteger();
    private final BlockingQueue<Handoff> ready;
    private final List<Future<?>> workers = new ArrayList<>();
    private final AtomicInteger runningWorkers;
    private volatile boolean closed;
    private final List<EmptyBatch> emptyBatches = new ArrayList<>();
    private Handoff current;
    private boolean returnedAny;
    /** Set once every worker has finished and the consumer saw it; later calls must not wait again. */
    private boolean exhausted;

    /** One batch handed from a worker to the consumer, or the end of a worker, or its failure. */
    private record Handoff(Batch batch, Semaphore consumed, RuntimeException failure) {
    }

    /** A parallel scan handing over the scan's own batches. */
    public ParallelScanSource(ExecutionContext context, ScanPlan plan, ExecutorService executor, int threads) {
        this(context, plan, executor, threads, UnaryOperator.identity(), plan.schema());
    }

    /**
     * @param stage  builds one worker's operators over that worker's stream of split batches (called once
     *               per worker, on the worker's thread); the operators own and close their input
     * @param schema the schema of the stage's batches
     */
    public ParallelScanSource(ExecutionContext context, ScanPlan plan, ExecutorService executor, int threads,
                              UnaryOperator<BatchSource> stage, Schema schema) {
        this.context = Objects.requireNonNull(context, "context");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.splits = plan.splits();
        int workerCount = Math.max(1, Math.min(threads, splits.size()));
        this.ready = new ArrayBlockingQueue<>(workerCount * 2);
        this.runningWorkers = new AtomicInteger(workerCount);
        try {
            for (int i = 0; i < workerCount; i++) {
                workers.add(executor.submit(this::work));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void work() {
        try (BatchSource staged = stage.apply(new WorkerSplits())) {
            Batch batch;
            while (!closed && (batch = staged.next()) != null) {
                if (batch.rowCount() == 0) {
                    continue;
                }
                Semaphore consumed = new Semaphore(0);
                if (!offer(new Handoff(batch, consumed, null))) {
                    return;
                }
                while (!consumed.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            offer(new Handoff(null, null, e instanceof RuntimeException ? (RuntimeException) e
                    : new PolaroidException(ErrorCode.OUT_OF_MEMORY, "out of memory while scanning", e)));
        } finally {
            if (runningWorkers.decrementAndGet() == 0) {
                offer(new Handoff(null, null, null));
            }
        }
    }

    /**
     * The splits one worker reads, as one stream: the next split is taken from the shared queue when the
     * current one ends. Once the scan is closed it ends early, so a stage that consumes its whole input
     * (a partial aggregation) stops promptly.
     */
    private final class WorkerSplits implements BatchSource {
        private BatchSource current;

        @Override
        public Schema schema() {
            return plan.schema();
        }

        @Override
        public Batch next() {
            while (!closed) {
                context.checkCancelled();
                if (current == null) {
                    int index = nextSplit.getAndIncrement();
                    if (index >= splits.size()) {
                        return null;
                    }
                    current = splits.get(index).open(context.allocator());
                }
                Batch batch = current.next();
                if (batch == null) {
                    BatchSource done = current;
                    current = null;
                    done.close();
                } else if (batch.rowCount() > 0) {
                    return batch;
                }
            }
            return null;
        }

        @Override
        public void close() {
            if (current != null) {
                BatchSource open = current;
                current = null;
                open.close();
            }
        }
    }

    private boolean offer(Handoff handoff) {
        try {
            while (!ready.offer(handoff, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        releaseCurrent();
        if (exhausted) {
            return null;
        }
        while (true) {
            context.checkCancelled();
            Handoff handoff;
            try {
                handoff = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PolaroidException(ErrorCode.QUERY_CANCELED, "query interrupted while scanning");
            }
            if (handoff == null) {
                continue;
            }
            if (handoff.failure() != null) {
                throw handoff.failure();
            }
            if (handoff.batch() == null) {
                // every worker is done (the end marker is sent once); an empty scan still yields one empty batch
                exhausted = true;
                return returnedAny ? null : emptyBatch();
            }
            current = handoff;
            returnedAny = true;
            return handoff.batch();
        }
    }

    private Batch emptyBatch() {
        returnedAny = true;
        EmptyBatch empty = new EmptyBatch(schema, context.allocator());
        emptyBatches.add(empty);
        return empty.batch();
    }

    private void releaseCurrent() {
        if (current != null) {
            current.consumed().release();
            current = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseCurrent();
        try {
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException ignored) {
                    // reported through the queue already
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            emptyBatches.forEach(EmptyBatch::close);
            plan.close();
        }
    }
}
