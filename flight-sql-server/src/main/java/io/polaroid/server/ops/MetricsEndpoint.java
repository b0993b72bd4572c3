package io.polaroid.server.ops;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Objects;

/**
 * Serves a registry over HTTP for Prometheus to scrape: {@code /metrics} in the text exposition format
 * (and {@code /-/healthy}), by the official client's small JDK-based HTTP server.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (0 picks a free port); {@code 08001} naming the address if it cannot. */
    public static MetricsEndpoint start(PrometheusRegistry registry, String host, int port) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(host, "host");
        try {
            return new MetricsEndpoint(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart());
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.CONNECTION_FAILURE,
                    "cannot serve metrics on " + host + ":" + port + " (--metrics-port): " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
