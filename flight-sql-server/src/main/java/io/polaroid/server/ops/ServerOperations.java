package io.polaroid.server.ops;

import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryLog;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A server's operational parts, made from {@link OperationsSettings}: the query cap (admission), the
 * per-statement log line plus Prometheus metrics (listener), the gRPC health service (Flight customizer)
 * and the metrics HTTP endpoint.
 *
 * <p>Lifecycle, as the serve command drives it: hand {@link #admission()}, {@link #listener()} and
 * {@link #flightCustomizer()} to the server builder; once the server listens call {@link #started} with the
 * engine's root allocator (health turns SERVING, metrics start); on shutdown call {@link #stopping()}
 * before closing the server (health turns NOT_SERVING first) and {@link #close()} after it.
 */
public final class ServerOperations implements AutoCloseable {
    private final OperationsSettings settings;
    private final String metricsHost;
    private final Optional<QueryCap> cap;
    private final ServerMetrics metrics;
    private final QueryListener listener;
    private final HealthService health = new HealthService();
    private volatile MetricsEndpoint endpoint;

    /**
     * @param metricsHost the address the metrics endpoint binds (the server's own {@code --host})
     */
    public ServerOperations(OperationsSettings settings, String metricsHost) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metricsHost = Objects.requireNonNull(metricsHost, "metricsHost");
        this.cap = settings.maxConcurrentQueries() > 0
                ? Optional.of(new QueryCap(settings.maxConcurrentQueries(), settings.queueTimeout()))
                : Optional.empty();
        this.metrics = new ServerMetrics(cap);
        this.listener = QueryListeners.of(new QueryLog(), metrics);
    }

    public QueryAdmission admission() {
        return cap.<QueryAdmission>map(c -> c).orElse(QueryAdmission.UNLIMITED);
    }

    /** The structured log line and the metrics of every statement. */
    public QueryListener listener() {
        return listener;
    }

    /** Adds the gRPC health service. (It uses Flight's {@code grpc.builderConsumer} hint, of which there is one.) */
    public Consumer<FlightServer.Builder> flightCustomizer() {
        return health.flightCustomizer();
    }

    /** The server listens: report memory from {@code engineMemory}, serve metrics, report SERVING. */
    public void started(BufferAllocator engineMemory) {
        metrics.observeMemory(engineMemory);
        OptionalInt port = settings.metricsPort();
        if (port.isPresent() && endpoint == null) {
            endpoint = MetricsEndpoint.start(metrics.registry(), metricsHost, port.getAsInt());
        }
        health.serving();
    }

    /** Shutdown begins: probes see NOT_SERVING while running statements drain. */
    public void stopping() {
        health.stopping();
    }

    /** The port metrics are served on, once started. */
    public OptionalInt metricsPort() {
        MetricsEndpoint current = endpoint;
        return current == null ? OptionalInt.empty() : OptionalInt.of(current.port());
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        health.stopping();
        MetricsEndpoint current = endpoint;
        endpoint = null;
        if (current != null) {
            current.close();
        }
    }
}
