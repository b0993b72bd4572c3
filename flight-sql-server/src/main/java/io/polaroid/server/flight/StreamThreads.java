package io.polaroid.server.flight;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads query results are streamed on, apart from the gRPC thread that received the {@code DoGet}.
 *
 * <p>Why apart: gRPC delivers a call's callbacks one at a time, and the method handler is one of them.
 * A handler that streamed a whole result itself would keep the call's "ready" and "cancelled" callbacks
 * queued behind it until it returned, so a stream waiting for the client to catch up could only find out
 * by polling. The handler hands the stream to one of these threads and returns; the callbacks then wake
 * the stream the moment the transport can take more.
 *
 * <p>Threads are made as streams start and end when idle (like gRPC's own executor); how many streams run
 * at once is up to {@link io.polaroid.server.hooks.QueryAdmission}.
 */
public final class StreamThreads implements AutoCloseable {
    private static final long IDLE_SECONDS = 60;

    private final ExecutorService threads;

    public StreamThreads() {
        AtomicInteger ids = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "polaroid-stream-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs {@code stream} on a stream thread.
     *
     * @throws RejectedExecutionException once {@link #close()} was called
     */
    void execute(Runnable stream) {
        threads.execute(stream);
    }

    /**
     * Refuses new streams. Running ones end on their own: the server cancels them and waits for them
     * (see {@link RunningCalls}) before it closes this.
     */
    @Override
    public void close() {
        threads.shutdown();
    }
}
