package io.polaroid.cli.serve;

import io.polaroid.http.HttpSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of the HTTP query API that {@code polaroid http} and {@code polaroid serve --http-port}
 * share (each command has its own option for the port). A picocli mixin.
 */
public final class HttpEndpointOptions {
    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "Origin a browser page may call the HTTP API from (https://app.example.com, or * for "
                    + "any); repeatable. Default: no cross-origin calls.")
    private List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-request-bytes", paramLabel = "BYTES",
            description = "Largest HTTP request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    private long maxRequestBytes = HttpSettings.DEFAULT_MAX_REQUEST_BYTES;

    @Option(names = "--http-threads", paramLabel = "N",
            description = "HTTP requests handled at once; more wait for a thread (default: ${DEFAULT-VALUE}).")
    private int threads = HttpSettings.DEFAULT_THREADS;

    /** @throws io.polaroid.error.PolaroidException 22023 for a malformed origin or a limit out of range */
    public HttpSettings settings(String host, int port) {
        return new HttpSettings(host, port, corsOrigins, maxRequestBytes, threads, 0,
                HttpSettings.DEFAULT_SHUTDOWN_GRACE);
    }
}
