package io.polaroid.server.ops;

import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryRecord;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The server's Prometheus metrics, fed by every finished statement ({@link QueryListener}) and by gauges
 * read at scrape time: the engine's Arrow memory and the query cap's running and queued counts.
 *
 * <p>Metrics live in a registry of their own rather than Prometheus' process-wide default one, so that two
 * servers in one JVM (tests) don't share counters.
 */
public final class ServerMetrics implements QueryListener {
    /** Seconds: from a millisecond lookup to a long scan. */
    private static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 2.5, 5, 10, 30, 60, 300};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicReference<BufferAllocator> memory = new AtomicReference<>();
    private final Counter statements;
    private final Counter errors;
    private final Histogram latency;
    private final Counter rows;
    private final Counter bytes;

    public ServerMetrics(Optional<QueryCap> cap) {
        Objects.requireNonNull(cap, "cap");
        statements = Counter.builder().name("polaroid_queries_total")
                .help("Statements finished, by operation and outcome (succeeded, failed, cancelled)")
                .labelNames("operation", "outcome").register(registry);
        errors = Counter.builder().name("polaroid_query_errors_total")
                .help("Statements that failed or were cancelled, by SQLState")
                .labelNames("sqlstate").register(registry);
        latency = Histogram.builder().name("polaroid_query_duration_seconds").unit(Unit.SECONDS)
                .help("Statement duration from admission to the end of its stream")
                .labelNames("operation").classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars()
                .register(registry);
        rows = Counter.builder().name("polaroid_rows_total")
                .help("Rows streamed to clients, or changed and ingested").labelNames("operation").register(registry);
        bytes = Counter.builder().name("polaroid_streamed_bytes_total").unit(Unit.BYTES)
                .help("Arrow body bytes streamed to clients").register(registry);
        GaugeWithCallback.builder().name("polaroid_memory_allocated_bytes").unit(Unit.BYTES)
                .help("Arrow memory the engine holds now: running queries and cached datasets")
                .callback(callback -> {
                    BufferAllocator allocator = memory.get();
                    if (allocator != null) {
                        callback.call(allocator.getAllocatedMemory());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("polaroid_memory_peak_bytes").unit(Unit.BYTES)
                .help("The most Arrow memory the engine has held at once since it started")
                .callback(callback -> {
                    BufferAllocator allocator = memory.get();
                    if (allocator != null) {
                        callback.call(allocator.getPeakMemoryAllocation());
                    }
                }).register(registry);
        cap.ifPresent(queryCap -> {
            GaugeWithCallback.builder().name("polaroid_queries_running").help("Statements running now")
                    .callback(callback -> callback.call(queryCap.running())).register(registry);
            GaugeWithCallback.builder().name("polaroid_queries_queued")
                    .help("Statements waiting for a slot (--max-concurrent-queries)")
                    .callback(callback -> callback.call(queryCap.queued())).register(registry);
        });
    }

    /** Reports the memory of {@code allocator} (the engine's root allocator) from now on. */
    public void observeMemory(BufferAllocator allocator) {
        memory.set(Objects.requireNonNull(allocator, "allocator"));
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void onQueryFinished(QueryRecord record) {
        String operation = record.operation().name().toLowerCase(Locale.ROOT);
        statements.labelValues(operation, record.outcome().name().toLowerCase(Locale.ROOT)).inc();
        if (record.outcome() != QueryRecord.Outcome.SUCCEEDED) {
            errors.labelValues(record.sqlState().orElse("XX000")).inc();
        }
        latency.labelValues(operation).observe(record.duration().toNanos() / 1e9);
        rows.labelValues(operation).inc(record.rows());
        bytes.inc(record.bytes());
    }
}
