package io.polaroid.http;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link PolaroidHttpServer} listens and what it accepts.
 *
 * @param host                  the address to bind ({@code 127.0.0.1}; {@code 0.0.0.0} for every interface)
 * @param port                  the TCP port; 0 picks a free one
 * @param corsOrigins           origins a browser page may call the API from ({@code https://app.example.com});
 *                              {@code *} allows any origin; empty allows no cross-origin call
 * @param maxRequestBytes       the largest request body accepted; a larger one is answered with 413
 * @param threads               requests handled at once (each running query holds one thread while it streams)
 * @param queryMemoryLimitBytes one query's memory; 0 for the engine's default
 * @param shutdownGrace         how long running queries may take to finish once the server stops
 */
public record HttpSettings(String host, int port, List<String> corsOrigins, long maxRequestBytes, int threads,
                           long queryMemoryLimitBytes, Duration shutdownGrace) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 1 MiB: a SQL text with parameters; nothing the API takes is bigger. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    public static final int DEFAULT_THREADS = 32;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw invalid("HTTP port " + port + " is not in 0..65535");
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (origin.isBlank() || (!origin.equals("*") && !origin.matches("https?://[^/\\s]+"))) {
                throw invalid("CORS origin '" + origin + "' is not '*' or scheme://host[:port], e.g. https://app.example.com");
            }
        }
        if (maxRequestBytes < 1024) {
            throw invalid("the request size limit must be at least 1024 bytes: " + maxRequestBytes);
        }
        if (threads < 1) {
            throw invalid("the HTTP endpoint needs at least one thread: " + threads);
        }
        if (queryMemoryLimitBytes < 0) {
            throw invalid("the query memory limit must not be negative: " + queryMemoryLimitBytes);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw invalid("the shutdown grace period must not be negative: " + shutdownGrace);
        }
    }

    /** Loopback, the given port, no CORS, default limits. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(DEFAULT_HOST, port, List.of(), DEFAULT_MAX_REQUEST_BYTES, DEFAULT_THREADS, 0,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(newHost, port, corsOrigins, maxRequestBytes, threads, queryMemoryLimitBytes,
                shutdownGrace);
    }

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(host, port, origins, maxRequestBytes, threads, queryMemoryLimitBytes, shutdownGrace);
    }

    public HttpSettings withMaxRequestBytes(long bytes) {
        return new HttpSettings(host, port, corsOrigins, bytes, threads, queryMemoryLimitBytes, shutdownGrace);
    }

    public HttpSettings withShutdownGrace(Duration grace) {
        return new HttpSettings(host, port, corsOrigins, maxRequestBytes, threads, queryMemoryLimitBytes, grace);
    }

    private static PolaroidException invalid(String message) {
        return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
