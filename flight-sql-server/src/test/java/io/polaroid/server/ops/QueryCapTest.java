package io.polaroid.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.QueryAdmission;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryCapTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Waits (bounded) until {@code cap} has a queued statement. */
    private static void awaitQueued(QueryCap cap) throws InterruptedException {
        for (int i = 0; i < 500 && cap.queued() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, cap.queued());
    }

    @Test
    void excessStatementFailsWith53300AfterTheQueueTimeout() {
        QueryCap cap = new QueryCap(2, Duration.ofMillis(20));
        try (QueryAdmission.Permit first = cap.admit("a", "SELECT 1");
             QueryAdmission.Permit second = cap.admit("b", "SELECT 2")) {
            assertEquals(2, cap.running());
            PolaroidException e = assertThrows(PolaroidException.class, () -> cap.admit("c", "SELECT 3"));
            assertEquals(ErrorCode.TOO_MANY_QUERIES, e.code());
            assertEquals("RESOURCE_EXHAUSTED", RemoteErrors.statusCodeName(e.code()));
            assertTrue(e.getMessage().contains("2 are already running (--max-concurrent-queries 2)"), e.getMessage());
            assertTrue(e.getMessage().contains("waited 20 ms (--queue-timeout)"), e.getMessage());
        }
        assertEquals(0, cap.running());
        cap.admit("c", "SELECT 3").close();
    }

    @Test
    void waitingStatementRunsWhenASlotFrees() throws Exception {
        QueryCap cap = new QueryCap(1, Duration.ofMinutes(5));
        QueryAdmission.Permit running = cap.admit("a", "SELECT 1");
        Future<QueryAdmission.Permit> waiting = threads.submit(() -> cap.admit("b", "SELECT 2"));
        awaitQueued(cap);
        running.close();
        QueryAdmission.Permit admitted = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(1, cap.running());
        admitted.close();
        assertEquals(0, cap.running());
    }

    @Test
    void closingAPermitTwiceFreesOneSlotOnly() {
        QueryCap cap = new QueryCap(1, Duration.ZERO);
        QueryAdmission.Permit permit = cap.admit("a", "SELECT 1");
        permit.close();
        permit.close();
        try (QueryAdmission.Permit again = cap.admit("a", "SELECT 1")) {
            assertThrows(PolaroidException.class, () -> cap.admit("b", "SELECT 2"));
        }
    }

    @Test
    void interruptedWaiterIsCancelledAndKeepsItsInterrupt() throws Exception {
        QueryCap cap = new QueryCap(1, Duration.ofMinutes(5));
        try (QueryAdmission.Permit running = cap.admit("a", "SELECT 1")) {
            CountDownLatch done = new CountDownLatch(1);
            Future<PolaroidException> waiter = threads.submit(() -> {
                try {
                    cap.admit("b", "SELECT 2").close();
                    return null;
                } catch (PolaroidException e) {
                    assertTrue(Thread.currentThread().isInterrupted());
                    return e;
                } finally {
                    done.countDown();
                }
            });
            awaitQueued(cap);
            waiter.cancel(true);
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
        assertEquals(0, cap.running());
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(PolaroidException.class, () -> new QueryCap(0, Duration.ZERO));
        assertThrows(PolaroidException.class, () -> new QueryCap(1, Duration.ofSeconds(-1)));
    }
}
