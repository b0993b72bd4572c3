package io.polaroid.engine;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.CatalogOptions;
import io.polaroid.engine.exec.ExecutionContext;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an {@link Engine} runs. Built with {@link #builder()}; every setting has a default.
 */
public final class EngineConfig {
    private final Optional<Path> catalogDirectory;
    private final Optional<Function<CatalogOptions, Catalog>> catalogFactory;
    private final long memoryLimitBytes;
    private final long defaultQueryMemoryLimitBytes;
    private final int batchRows;
    private final boolean vectorExecution;
    private final int parallelism;
    private final Path workingDirectory;
    private final List<Path> dataRoots;

    private EngineConfig(Builder builder) {
        this.catalogDirectory = builder.catalogDirectory;
        this.catalogFactory = builder.catalogFactory;
        this.memoryLimitBytes = builder.memoryLimitBytes;
        this.defaultQueryMemoryLimitBytes = Math.min(builder.defaultQueryMemoryLimitBytes, builder.memoryLimitBytes);
        this.batchRows = builder.batchRows;
        this.vectorExecution = builder.vectorExecution;
        this.parallelism = builder.parallelism;
        this.workingDirectory = builder.workingDirectory;
        this.dataRoots = List.copyOf(builder.dataRoots);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the persistent catalog lives; empty for a transient in-memory catalog. */
    public Optional<Path> catalogDirectory() {
        return catalogDirectory;
    }

    /**
     * A catalog of the caller's making (the arrow connection mode's catalog of files under a path), built
     * from the options the engine would give its own catalog; empty for the engine's usual catalog. When
     * present, {@link #catalogDirectory()} is ignored.
     */
    public Optional<Function<CatalogOptions, Catalog>> catalogFactory() {
        return catalogFactory;
    }

    /** The limit of the engine's root allocator: queries and the dataset cache together. */
    public long memoryLimitBytes() {
        return memoryLimitBytes;
    }

    /** A query's memory limit unless its {@link io.polaroid.engine.api.ExecutionOptions} sets one. */
    public long defaultQueryMemoryLimitBytes() {
        return defaultQueryMemoryLimitBytes;
    }

    /** Rows per batch operators aim for. */
    public int batchRows() {
        return batchRows;
    }

    /** Whether operators run vectorized; false runs all but scans in Calcite's row engine (for comparison). */
    public boolean vectorExecution() {
        return vectorExecution;
    }

    /** Threads a scan may use. */
    public int parallelism() {
        return parallelism;
    }

    /** The directory relative dataset locations resolve against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * The directories SQL may read data files from (dataset locations, {@code read_parquet}, the targets
     * of appends); empty means no restriction. Enforced by the catalog's {@code DataLocations}.
     */
    public List<Path> dataRoots() {
        return dataRoots;
    }

    @Override
    public String toString() {
        String catalog = catalogFactory.isPresent() ? "(supplied)"
                : catalogDirectory.map(Path::toString).orElse("(in memory)");
        return "EngineConfig{catalog=" + catalog
                + ", memoryLimit=" + memoryLimitBytes + ", queryMemoryLimit=" + defaultQueryMemoryLimitBytes
                + ", batchRows=" + batchRows + ", vectorExecution=" + vectorExecution
                + ", parallelism=" + parallelism + (dataRoots.isEmpty() ? "" : ", dataRoots=" + dataRoots) + "}";
    }

    public static final class Builder {
        private Optional<Path> catalogDirectory = Optional.empty();
        private Optional<Function<CatalogOptions, Catalog>> catalogFactory = Optional.empty();
        private long memoryLimitBytes = Long.MAX_VALUE;
        private long defaultQueryMemoryLimitBytes = Long.MAX_VALUE;
        private int batchRows = ExecutionContext.DEFAULT_BATCH_ROWS;
        private boolean vectorExecution = true;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private List<Path> dataRoots = List.of();

        private Builder() {
        }

        public Builder catalogDirectory(Path directory) {
            this.catalogDirectory = Optional.of(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /** Uses a transient in-memory catalog (the default). */
        public Builder inMemoryCatalog() {
            this.catalogDirectory = Optional.empty();
            return this;
        }

        /** Serves the catalog {@code factory} builds (it owns what it opens; the engine closes it). */
        public Builder catalog(Function<CatalogOptions, Catalog> factory) {
            this.catalogFactory = Optional.of(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        public Builder memoryLimitBytes(long bytes) {
            this.memoryLimitBytes = positive(bytes, "memoryLimitBytes");
            return this;
        }

        public Builder defaultQueryMemoryLimitBytes(long bytes) {
            this.defaultQueryMemoryLimitBytes = positive(bytes, "defaultQueryMemoryLimitBytes");
            return this;
        }

        public Builder batchRows(int rows) {
            this.batchRows = (int) positive(rows, "batchRows");
            return this;
        }

        public Builder vectorExecution(boolean enabled) {
            this.vectorExecution = enabled;
            return this;
        }

        public Builder parallelism(int threads) {
            this.parallelism = (int) positive(threads, "parallelism");
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
            return this;
        }

        /** Confines the files SQL can reach to {@code directories}; empty (the default) means unrestricted. */
        public Builder dataRoots(Collection<Path> directories) {
            this.dataRoots = Objects.requireNonNull(directories, "directories").stream()
                    .map(directory -> directory.toAbsolutePath().normalize()).toList();
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
