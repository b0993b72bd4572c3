package io.polaroid.jdbc.remote;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the remote mode runs work on that must not wait on the caller's thread: the timer of
 * query deadlines, and calls whose answer nobody waits for (a cancel, which must not block the thread
 * that cancels; closing a prepared statement, which must not delay the statement's caller). Daemon threads, created on first use and idle-stopped, so the driver never keeps a JVM alive.
 */
final class RemoteExecutors {
    private RemoteExecutors() {
    }

    private static final class Holder {
        static final ScheduledExecutorService TIMER = newTimer();
        static final ExecutorService BACKGROUND = newBackground();
    }

    /** Runs the deadlines of queries. */
    static ScheduledExecutorService timer() {
        return Holder.TIMER;
    }

    /** Runs short calls nobody waits for (a cancel request, closing a prepared statement on the server). */
    static ExecutorService background() {
        return Holder.BACKGROUND;
    }

    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("polaroid-remote-timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    private static ExecutorService newBackground() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("polaroid-remote-background"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger ids = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
