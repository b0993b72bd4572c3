package io.polaroid.cli.serve;

import io.polaroid.server.ops.OperationsSettings;
import java.time.Duration;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The operations options of {@code polaroid serve}: the query cap and the metrics endpoint. A picocli mixin. */
public final class OperationsOptions {
    @Option(names = "--max-concurrent-queries", paramLabel = "N",
            description = "Statements that may run at once; more wait (default: no cap).")
    private int maxConcurrentQueries;

    @Option(names = "--queue-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a statement over the cap waits before it fails with 53300 (default: 30s).")
    private Duration queueTimeout = OperationsSettings.DEFAULT_QUEUE_TIMEOUT;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://HOST:PORT/metrics (default: off).")
    private Integer metricsPort;

    public OperationsSettings settings() {
        return new OperationsSettings(maxConcurrentQueries, queueTimeout,
                metricsPort == null ? OptionalInt.empty() : OptionalInt.of(metricsPort));
    }
}
