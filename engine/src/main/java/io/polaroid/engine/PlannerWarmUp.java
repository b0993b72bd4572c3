package io.polaroid.engine;

import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.session.EngineServices;
import io.polaroid.engine.session.EngineSession;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a few representative statements on a background thread when the first engine of a process
 * opens: the first statement a process plans otherwise spends most of a second loading Calcite's classes,
 * building its operator tables and generating its metadata handlers, and a person's first query should
 * not wait for that. The statements read only VALUES (no dataset), are planned and not executed (so no
 * query memory is taken), and nothing they produce is kept but the plan cache entries. Failures are only
 * logged: warming up is an optimization.
 */
final class PlannerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final List<String> STATEMENTS = List.of(
            "SELECT k, COUNT(*), SUM(v), MIN(s), MAX(d) FROM (VALUES (1, 2.5, 'a', DATE '2024-01-01'),"
                    + " (2, 3.5, 'b', DATE '2024-01-02')) AS t(k, v, s, d) WHERE v > 1 AND s <> 'x'"
                    + " GROUP BY k ORDER BY k LIMIT 10",
            "SELECT a.k, b.s FROM (VALUES (1, 'x')) AS a(k, s) JOIN (VALUES (1, 'y')) AS b(k, s) ON a.k = b.k"
                    + " WHERE a.k IN (SELECT 1)",
            "SELECT date_trunc('hour', ts), time_bucket(INTERVAL '5' MINUTE, ts), EXTRACT(YEAR FROM ts),"
                    + " CAST(ts AS DATE), ROW_NUMBER() OVER (ORDER BY ts)"
                    + " FROM (VALUES (TIMESTAMP '2024-01-01 10:00:00')) AS t(ts) WHERE ts > TIMESTAMP '2020-01-01 00:00:00'");

    private PlannerWarmUp() {
    }

    /** Starts the warm-up on {@code executor} if no engine of this process started one yet; returns it or null. */
    static Future<?> startOncePerProcess(EngineServices services, ExecutorService executor) {
        if (!STARTED.compareAndSet(false, true)) {
            return null;
        }
        return executor.submit(() -> run(services));
    }

    private static void run(EngineServices services) {
        try (EngineSession session = new EngineSession(services)) {
            for (String sql : STATEMENTS) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                try (PreparedQuery prepared = session.prepare(sql)) {
                    prepared.resultSchema();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("planner warm-up failed (only the first query gets slower)", e);
        }
    }

    /** Waits (briefly) for a warm-up to finish, so an engine closes only once nothing plans against it. */
    static void awaitEnd(Future<?> warmUp) {
        if (warmUp == null) {
            return;
        }
        try {
            warmUp.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("planner warm-up did not end cleanly", e);
        }
    }
}
