package io.polaroid.catalog;

import io.polaroid.catalog.location.DataRoots;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * How a {@link Catalog} runs: where its memory cache lives, how it reports progress, how much it reads in
 * parallel and how it cuts scans into splits. Built with {@link #builder(BufferAllocator)}.
 */
public final class CatalogOptions {
    /**
     * Rows per batch of a dataset held in memory. Arrow allocates a vector's validity bits and values as one
     * buffer rounded up to a power of two: 65,536 eight-byte values plus their validity just overflow 512 KiB
     * and take 1 MiB. 62 Ki rows keep 4-, 8- and 16-byte values, string offsets and booleans just under the
     * power of two, which measured 27% less cache memory on the demo trades data than 64 Ki rows.
     */
    public static final int DEFAULT_CACHE_BATCH_ROWS = 62 * 1024;
    /** A split covers row groups (or cached batches) until it holds about this many rows. */
    public static final long DEFAULT_SPLIT_ROWS = 1L << 20;

    private final BufferAllocator cacheAllocator;
    private final Optional<CatalogProgressListener> progressListener;
    private final int footerParallelism;
    private final Path workingDirectory;
    private final int cacheBatchRows;
    private final long splitRows;
    private final DataRoots dataRoots;

    private CatalogOptions(Builder builder) {
        this.cacheAllocator = builder.cacheAllocator;
        this.progressListener = Optional.ofNullable(builder.progressListener);
        this.footerParallelism = builder.footerParallelism;
        this.workingDirectory = builder.workingDirectory;
        this.cacheBatchRows = builder.cacheBatchRows;
        this.splitRows = builder.splitRows;
        this.dataRoots = builder.dataRoots;
    }

    /**
     * Starts options whose memory cache allocates from {@code cacheAllocator}: every cached dataset takes
     * a child of it, so its limit caps the cache and closing the catalog brings it back to zero.
     */
    public static Builder builder(BufferAllocator cacheAllocator) {
        return new Builder(cacheAllocator);
    }

    public BufferAllocator cacheAllocator() {
        return cacheAllocator;
    }

    public Optional<CatalogProgressListener> progressListener() {
        return progressListener;
    }

    /** How many Parquet footers are read at once when a dataset is created or refreshed. */
    public int footerParallelism() {
        return footerParallelism;
    }

    /** The directory relative dataset locations resolve against (absolute). */
    public Path workingDirectory() {
        return workingDirectory;
    }

    public int cacheBatchRows() {
        return cacheBatchRows;
    }

    public long splitRows() {
        return splitRows;
    }

    /** The directories dataset locations and {@code read_parquet} are confined to; unrestricted by default. */
    public DataRoots dataRoots() {
        return dataRoots;
    }

    public static final class Builder {
        private final BufferAllocator cacheAllocator;
        private CatalogProgressListener progressListener;
        private int footerParallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private int cacheBatchRows = DEFAULT_CACHE_BATCH_ROWS;
        private long splitRows = DEFAULT_SPLIT_ROWS;
        private DataRoots dataRoots = DataRoots.unrestricted();

        private Builder(BufferAllocator cacheAllocator) {
            this.cacheAllocator = Objects.requireNonNull(cacheAllocator, "cacheAllocator");
        }

        public Builder progressListener(CatalogProgressListener listener) {
            this.progressListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder footerParallelism(int threads) {
            if (threads <= 0) {
                throw new IllegalArgumentException("footerParallelism must be positive: " + threads);
            }
            this.footerParallelism = threads;
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
            return this;
        }

        public Builder cacheBatchRows(int rows) {
            if (rows <= 0) {
                throw new IllegalArgumentException("cacheBatchRows must be positive: " + rows);
            }
            this.cacheBatchRows = rows;
            return this;
        }

        public Builder splitRows(long rows) {
            if (rows <= 0) {
                throw new IllegalArgumentException("splitRows must be positive: " + rows);
            }
            this.splitRows = rows;
            return this;
        }

        /**
         * Confines every data file the catalog reads to {@code directories} (resolved to real paths now;
         * {@code 58P01} if one does not exist); empty means unrestricted.
         */
        public Builder dataRoots(Collection<Path> directories) {
            this.dataRoots = DataRoots.of(directories);
            return this;
        }

        public CatalogOptions build() {
            return new CatalogOptions(this);
        }
    }
}
