package io.polaroid.server.ops;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The operations options of a server as given.
 *
 * @param maxConcurrentQueries statements that may run at once ({@code --max-concurrent-queries}); 0 for no cap
 * @param queueTimeout         how long a statement over the cap waits before it fails ({@code --queue-timeout})
 * @param metricsPort          where Prometheus metrics are served ({@code --metrics-port}); empty for none,
 *                             0 for a free port (tests)
 */
public record OperationsSettings(int maxConcurrentQueries, Duration queueTimeout, OptionalInt metricsPort) {
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(30);

    public OperationsSettings {
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        Objects.requireNonNull(metricsPort, "metricsPort");
        if (maxConcurrentQueries < 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "--max-concurrent-queries must not be negative: " + maxConcurrentQueries);
        }
        metricsPort.ifPresent(port -> {
            if (port < 0 || port > 65535) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "--metrics-port " + port + " is not in 0..65535");
            }
        });
    }

    /** No cap, no metrics endpoint. */
    public static OperationsSettings defaults() {
        return new OperationsSettings(0, DEFAULT_QUEUE_TIMEOUT, OptionalInt.empty());
    }
}
