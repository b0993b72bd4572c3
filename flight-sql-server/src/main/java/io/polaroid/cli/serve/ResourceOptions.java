package io.polaroid.cli.serve;

import io.polaroid.server.ServerConfig;
import java.time.Duration;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * What the server may use and how long it waits when it stops: its memory, one query's memory, the grace
 * period of a shutdown. A picocli mixin of {@code polaroid serve}.
 */
public final class ResourceOptions {
    @Option(names = "--memory-limit", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Arrow memory of the whole server, cached datasets and running queries together "
                    + "(e.g. 8g; default: no limit beyond the machine's).")
    private long memoryLimitBytes;

    @Option(names = "--query-memory-limit", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Arrow memory one query may use; a query needing more fails with 53200 (e.g. 1g; "
                    + "default: no limit of its own).")
    private long queryMemoryLimitBytes;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "On SIGTERM, how long running queries may take to finish before they are cancelled "
                    + "(default: 10s).")
    private Duration shutdownGrace = ServerConfig.DEFAULT_SHUTDOWN_GRACE;

    /** Sets these options on {@code config}. */
    public ServerConfig.Builder applyTo(ServerConfig.Builder config) {
        Objects.requireNonNull(config, "config");
        return config.memoryLimitBytes(memoryLimitBytes)
                .queryMemoryLimitBytes(queryMemoryLimitBytes)
                .shutdownGrace(shutdownGrace);
    }
}
