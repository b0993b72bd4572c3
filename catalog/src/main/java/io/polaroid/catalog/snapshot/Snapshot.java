package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.DataFile;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanRequest;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.stats.StatisticValues;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.ParquetFooter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The catalog's {@link DatasetSnapshot}: immutable facts about a dataset's files, plus the resources a
 * snapshot may hold — cached footers and, for {@link CacheMode#MEMORY}, the rows in memory.
 *
 * <p>Lifetime ({@link SnapshotLifetime}): the catalog holds a pin while the snapshot is current, and every
 * {@link ScanPlan} and every source opened from a cached split adds one. The memory is freed when the last
 * pin goes, so a refresh or drop never pulls data from under a running query. A plan asked of a snapshot
 * whose pins are all gone reads the files instead.
 */
public final class Snapshot implements DatasetSnapshot {
    private final DatasetName name;
    private final boolean adHoc;
    private final String location;
    private final CacheMode cacheMode;
    private final long version;
    private final Schema schema;
    private final List<String> partitionColumns;
    private final boolean[] partition;
    private final List<DataFile> files;
    private final long rowCount;
    private final long totalBytes;
    private final Map<String, Integer> columnIndex;
    private final StatisticsIndex statistics;
    private final SnapshotContext context;
    private final Map<Path, ParquetFooter> footers;

    private final SnapshotLifetime lifetime;

    Snapshot(DatasetName name, boolean adHoc, String location, CacheMode cacheMode, long version, Schema schema,
             List<String> partitionColumns, List<DataFile> files, SnapshotContext context,
             Map<Path, ParquetFooter> knownFooters) {
        this.name = Objects.requireNonNull(name, "name");
        this.adHoc = adHoc;
        this.location = Objects.requireNonNull(location, "location");
        this.cacheMode = Objects.requireNonNull(cacheMode, "cacheMode");
        this.version = version;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.partitionColumns = List.copyOf(partitionColumns);
        this.files = List.copyOf(files);
        this.context = Objects.requireNonNull(context, "context");
        this.footers = new ConcurrentHashMap<>(knownFooters);
        List<Field> fields = schema.getFields();
        this.partition = new boolean[fields.size()];
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columnIndex.putIfAbsent(fields.get(i).getName(), i);
            partition[i] = this.partitionColumns.contains(fields.get(i).getName());
        }
        this.rowCount = this.files.stream().mapToLong(DataFile::rowCount).sum();
        this.totalBytes = this.files.stream().mapToLong(DataFile::size).sum();
        this.statistics = new StatisticsIndex(fields, partition, this.files);
        this.lifetime = new SnapshotLifetime(label() + " v" + version);
    }

    @Override
    public DatasetName name() {
        return name;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public CacheMode cacheMode() {
        return cacheMode;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<String> partitionColumns() {
        return partitionColumns;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public List<DataFile> files() {
        return files;
    }

    @Override
    public Optional<ColumnStatistics> columnStatistics(String column) {
        Integer index = columnIndex.get(Objects.requireNonNull(column, "column"));
        if (index == null) {
            return Optional.empty();
        }
        ColumnStatistics raw = statistics.dataset(index);
        var type = schema.getFields().get(index).getType();
        return Optional.of(new ColumnStatistics(raw.nullCount(),
                StatisticValues.normalize(raw.min(), type), StatisticValues.normalize(raw.max(), type)));
    }

    @Override
    public Optional<Field> findColumn(String column) {
        Integer exact = columnIndex.get(Objects.requireNonNull(column, "column"));
        if (exact != null) {
            return Optional.of(schema.getFields().get(exact));
        }
        List<Field> matches = schema.getFields().stream().filter(f -> f.getName().equalsIgnoreCase(column)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public ScanPlan planScan(ScanRequest request) {
        return ScanPlanner.plan(this, Objects.requireNonNull(request, "request"));
    }

    /** What {@code SHOW DATASETS} prints about this snapshot. */
    public DatasetDescriptor describe() {
        return new DatasetDescriptor(name, location, cacheMode, rowCount, files.size(), totalBytes, schema);
    }

    /** Bytes of this snapshot's rows in memory; 0 when not loaded. */
    public long cachedBytes() {
        DatasetCache cache = lifetime.cache();
        return cache == null ? 0 : cache.bytes();
    }

    /**
     * Loads the rows into memory now (a {@link CacheMode#MEMORY} snapshot about to be published), sharing
     * unchanged files with {@code previous}, the snapshot this one replaces. No-op for other modes.
     */
    public void loadCache(Optional<Snapshot> previous) {
        if (cacheMode == CacheMode.MEMORY) {
            ensureCacheLoaded(previous.map(p -> p.lifetime.cache()).orElse(null));
        }
    }

    @Override
    public void preload() {
        // pinned while loading: a refresh that replaces this snapshot meanwhile frees the rows afterwards
        if (cacheMode != CacheMode.MEMORY || !lifetime.tryPin()) {
            return;
        }
        try {
            ensureCacheLoaded(null);
        } finally {
            lifetime.unpin();
        }
    }

    /** Gives up the owner's pin: the snapshot was replaced or dropped, or the catalog closes. */
    public void release() {
        lifetime.retire();
    }

    // ---- package-private: used by scans ----

    String label() {
        return adHoc ? name.name() : "dataset " + name;
    }

    int columnIndex(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new PolaroidException(ErrorCode.UNDEFINED_COLUMN,
                    "column '" + column + "' does not exist in " + label());
        }
        return index;
    }

    boolean isPartitionColumn(int column) {
        return partition[column];
    }

    StatisticsIndex statistics() {
        return statistics;
    }

    SnapshotContext context() {
        return context;
    }

    /**
     * The footer of {@code file}, after checking that the file is still what this snapshot saw: a vanished
     * or changed file fails, telling the user to refresh.
     */
    ParquetFooter footer(DataFile file) {
        DataLocations locations = context.locations();
        var stamp = locations.stat(file.path()).orElseThrow(() -> new PolaroidException(ErrorCode.FILE_NOT_FOUND,
                "file '" + file.path() + "' of " + label() + " no longer exists; " + refreshHint()));
        if (stamp.size() != file.size() || stamp.lastModifiedMillis() != file.lastModifiedMillis()) {
            throw changed(file);
        }
        ParquetFooter footer = footers.computeIfAbsent(file.path(), ParquetFooter::read);
        if (footer.fileSize() != file.size() || footer.lastModifiedMillis() != file.lastModifiedMillis()) {
            footers.remove(file.path(), footer);
            throw changed(file);
        }
        return footer;
    }

    /** The footers this snapshot has read, for a successor snapshot to reuse. */
    Map<Path, ParquetFooter> knownFooters() {
        return Map.copyOf(footers);
    }

    /** Adds a pin; false if the snapshot is already fully released. */
    boolean tryPin() {
        return lifetime.tryPin();
    }

    void unpin() {
        lifetime.unpin();
    }

    /**
     * The rows in memory, loading them (sharing {@code reusable}'s unchanged files, may be null) on first use.
     * The caller must hold a pin.
     */
    DatasetCache ensureCacheLoaded(DatasetCache reusable) {
        return lifetime.loadIfAbsent(() -> CacheLoader.load(this, reusable, context.options().cacheAllocator(),
                context.options().cacheBatchRows(), new ProgressReporter(context.options().progressListener(), name)));
    }

    private PolaroidException changed(DataFile file) {
        return new PolaroidException(ErrorCode.IO_ERROR, "file '" + file.path() + "' of " + label()
                + " changed since the snapshot was taken; " + refreshHint());
    }

    private String refreshHint() {
        if (adHoc) {
            return "run the query again";
        }
        return lifetime.isRetired()
                ? "the dataset was refreshed or dropped after this query started; run the query again"
                : "run REFRESH DATASET " + name;
    }
}
