package io.polaroid.server;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link PolaroidFlightServer} runs: where it listens, which catalog it serves, and its limits. Built
 * with {@link #builder()}; every setting has a default, so {@code ServerConfig.builder().build()} serves an
 * in-memory catalog on 127.0.0.1:50051.
 *
 * @param host                 the address to bind: a loopback address by default; a name or an IP
 * @param port                 the TCP port; 0 picks a free one (tests)
 * @param catalogDirectory     the persistent catalog; empty for a transient in-memory one
 * @param dataRoots            the directories datasets may be read from ({@code --data-root}); empty means
 *                             no restriction. Stored here; enforced by the security layer.
 * @param datasets             datasets registered or refreshed at start
 * @param ingestDirectory      where bulk ingest writes its Parquet files; defaults to {@code data/} in the
 *                             catalog directory, and is empty (ingest refused) for an in-memory catalog
 * @param memoryLimitBytes     the engine's memory (queries and cached datasets together); 0 for no limit
 * @param queryMemoryLimitBytes one query's memory; 0 for the engine's default (no limit of its own)
 * @param shutdownGrace        how long running statements may take to finish once shutdown starts; then
 *                             they are cancelled
 * @param sessionIdleTimeout   a client session unused this long is closed with its prepared statements
 */
public record ServerConfig(String host, int port, Optional<Path> catalogDirectory, List<Path> dataRoots,
                           List<DatasetBinding> datasets, Optional<Path> ingestDirectory, long memoryLimitBytes,
                           long queryMemoryLimitBytes, Duration shutdownGrace, Duration sessionIdleTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 50051;
    /** The directory under the catalog directory that ingested datasets are written to. */
    public static final String DEFAULT_INGEST_SUBDIRECTORY = "data";
    /** How long running statements may take to finish once shutdown starts, unless configured. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the host to listen on must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "port " + port + " is not in 0..65535");
        }
        Objects.requireNonNull(catalogDirectory, "catalogDirectory");
        dataRoots = List.copyOf(dataRoots);
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(ingestDirectory, "ingestDirectory");
        if (memoryLimitBytes < 0 || queryMemoryLimitBytes < 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "memory limits must not be negative");
        }
        requirePositive(shutdownGrace, "shutdownGrace", true);
        requirePositive(sessionIdleTimeout, "sessionIdleTimeout", false);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where ingest writes: the configured directory, else {@code data/} in the catalog directory. */
    public Optional<Path> effectiveIngestDirectory() {
        return ingestDirectory.or(() -> catalogDirectory.map(dir -> dir.resolve(DEFAULT_INGEST_SUBDIRECTORY)));
    }

    private static void requirePositive(Duration duration, String name, boolean zeroAllowed) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, name + " must be positive: " + duration);
        }
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Optional<Path> catalogDirectory = Optional.empty();
        private final List<Path> dataRoots = new ArrayList<>();
        private final List<DatasetBinding> datasets = new ArrayList<>();
        private Optional<Path> ingestDirectory = Optional.empty();
        private long memoryLimitBytes;
        private long queryMemoryLimitBytes;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder catalogDirectory(Path directory) {
            this.catalogDirectory = Optional.of(directory.toAbsolutePath().normalize());
            return this;
        }

        public Builder dataRoot(Path root) {
            dataRoots.add(root.toAbsolutePath().normalize());
            return this;
        }

        public Builder dataset(DatasetBinding binding) {
            datasets.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        public Builder ingestDirectory(Path directory) {
            this.ingestDirectory = Optional.of(directory.toAbsolutePath().normalize());
            return this;
        }

        public Builder memoryLimitBytes(long bytes) {
            this.memoryLimitBytes = bytes;
            return this;
        }

        public Builder queryMemoryLimitBytes(long bytes) {
            this.queryMemoryLimitBytes = bytes;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = timeout;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, catalogDirectory, dataRoots, datasets, ingestDirectory,
                    memoryLimitBytes, queryMemoryLimitBytes, shutdownGrace, sessionIdleTimeout);
        }
    }
}
