package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.CatalogOptions;
import io.polaroid.catalog.CatalogProgress;
import io.polaroid.catalog.DataFile;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.location.HivePartitioning;
import io.polaroid.catalog.location.ListedFile;
import io.polaroid.catalog.location.ResolvedLocation;
import io.polaroid.catalog.stats.StatisticValues;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.ParquetFooter;
import io.polaroid.parquet.RowGroupInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds snapshots: from a location (listing files, reading the footers of new or changed files in
 * parallel, inferring partitions and merging schemas) or from a stored manifest (no file is read).
 */
public final class SnapshotFactory implements AutoCloseable {
    private final SnapshotContext context;
    private final ExecutorService footerReaders;

    public SnapshotFactory(DataLocations locations, CatalogOptions options) {
        this.context = new SnapshotContext(locations, options);
        AtomicInteger threads = new AtomicInteger();
        this.footerReaders = Executors.newFixedThreadPool(options.footerParallelism(), runnable -> {
            Thread thread = new Thread(runnable, "polaroid-footer-reader-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The absolute form of {@code location}, as the catalog stores it. */
    public String resolveLocation(String location) {
        return context.locations().resolve(location).text();
    }

    /**
     * A snapshot of the files {@code location} names now. Files that {@code previous} already knows with the
     * same size and modification time are not read again.
     */
    public Snapshot create(DatasetName name, String location, CacheMode cacheMode, long version,
                           Optional<Snapshot> previous) {
        return build(name, false, location, cacheMode, version, previous);
    }

    /** A snapshot for {@code read_parquet(location)}: not registered, never cached. */
    public Snapshot adHoc(String location) {
        Objects.requireNonNull(location, "location");
        DatasetName name = new DatasetName(Catalog.DEFAULT_SCHEMA, "read_parquet('" + location + "')");
        return build(name, true, location, CacheMode.NONE, 0, Optional.empty());
    }

    /** A snapshot rebuilt from what a manifest recorded; reads no file. */
    public Snapshot restore(DatasetName name, String location, CacheMode cacheMode, long version, Schema schema,
                            List<String> partitionColumns, List<DataFile> files) {
        return new Snapshot(name, false, location, cacheMode, version, schema, partitionColumns, files, context, Map.of());
    }

    @Override
    public void close() {
        footerReaders.shutdownNow();
    }

    private Snapshot build(DatasetName name, boolean adHoc, String location, CacheMode cacheMode, long version,
                           Optional<Snapshot> previous) {
        String owner = adHoc ? name.name() : "dataset " + name;
        ResolvedLocation resolved = context.locations().resolve(location);
        List<ListedFile> listed = context.locations().list(resolved);
        HivePartitioning partitioning = HivePartitioning.infer(listed);

        Map<Path, DataFile> known = new HashMap<>();
        previous.ifPresent(p -> p.files().forEach(f -> known.put(f.path(), f)));
        Map<Path, ParquetFooter> footers = new HashMap<>();
        List<DataFile> files = readFiles(owner, name, listed, known, footers);
        // Footers the previous snapshot read stay valid for the files it shares with this one.
        Map<Path, ParquetFooter> previousFooters = previous.map(Snapshot::knownFooters).orElse(Map.of());
        for (DataFile file : files) {
            ParquetFooter footer = previousFooters.get(file.path());
            if (footer != null && known.get(file.path()) == file) {
                footers.putIfAbsent(file.path(), footer);
            }
        }

        SchemaMerger merger = new SchemaMerger(owner);
        List<DataFile> partitioned = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            merger.add(files.get(i).path(), files.get(i).schema());
            partitioned.add(files.get(i).withPartitionValues(partitioning.valuesOf(i)));
        }
        List<String> partitionColumns = partitioning.columns().stream().map(Field::getName).toList();
        List<Field> fields = new ArrayList<>(merger.result(partitionColumns));
        fields.addAll(partitioning.columns());
        return new Snapshot(name, adHoc, resolved.text(), cacheMode, version, new Schema(fields), partitionColumns,
                partitioned, context, footers);
    }

    /**
     * The files of {@code listed}, in order, taken from {@code known} when unchanged and otherwise read from
     * their footers (recorded in {@code footers}), in parallel.
     */
    private List<DataFile> readFiles(String owner, DatasetName name, List<ListedFile> listed, Map<Path, DataFile> known,
                                     Map<Path, ParquetFooter> footers) {
        DataFile[] files = new DataFile[listed.size()];
        List<Integer> toRead = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            ListedFile file = listed.get(i);
            DataFile previous = known.get(file.path());
            if (previous != null && previous.size() == file.size()
                    && previous.lastModifiedMillis() == file.lastModifiedMillis()) {
                files[i] = previous;
            } else {
                toRead.add(i);
            }
        }
        ProgressReporter progress = new ProgressReporter(context.options().progressListener(), name);
        progress.report(CatalogProgress.Phase.READING_FOOTERS, 0, toRead.size());
        List<Future<ParquetFooter>> reads = new ArrayList<>(toRead.size());
        for (int index : toRead) {
            Path path = listed.get(index).path();
            reads.add(footerReaders.submit(() -> ParquetFooter.read(path)));
        }
        try {
            for (int r = 0; r < reads.size(); r++) {
                ParquetFooter footer = awaitFooter(owner, reads.get(r));
                int index = toRead.get(r);
                Path path = listed.get(index).path();
                files[index] = toDataFile(path, footer);
                footers.put(path, footer);
                progress.report(CatalogProgress.Phase.READING_FOOTERS, r + 1, toRead.size());
            }
        } finally {
            reads.forEach(read -> read.cancel(true));
        }
        return List.of(files);
    }

    private static ParquetFooter awaitFooter(String owner, Future<ParquetFooter> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolaroidException(ErrorCode.QUERY_CANCELED, owner + ": interrupted while reading Parquet footers", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PolaroidException failure) {
                throw new PolaroidException(failure.code(), owner + ": " + failure.getMessage(), failure);
            }
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, owner + ": reading a Parquet footer failed: " + cause, cause);
        }
    }

    /** The footer as a {@link DataFile}, statistics normalized to the representation of each column's type. */
    private static DataFile toDataFile(Path path, ParquetFooter footer) {
        Schema schema = footer.arrowSchema();
        Map<String, Field> fields = new HashMap<>();
        schema.getFields().forEach(field -> fields.putIfAbsent(field.getName(), field));
        List<RowGroupInfo> rowGroups = new ArrayList<>(footer.rowGroups().size());
        for (RowGroupInfo rowGroup : footer.rowGroups()) {
            Map<String, ColumnStatistics> statistics = new HashMap<>();
            rowGroup.statistics().forEach((column, stats) -> {
                Field field = fields.get(column);
                if (field != null) {
                    statistics.put(column, normalize(stats, field));
                }
            });
            rowGroups.add(new RowGroupInfo(rowGroup.index(), rowGroup.rowCount(), rowGroup.compressedBytes(), statistics));
        }
        return new DataFile(path, footer.fileSize(), footer.lastModifiedMillis(), Map.of(), footer.rowCount(),
                rowGroups, schema);
    }

    private static ColumnStatistics normalize(ColumnStatistics statistics, Field field) {
        Object min = StatisticValues.normalize(statistics.min(), field.getType());
        Object max = StatisticValues.normalize(statistics.max(), field.getType());
        return new ColumnStatistics(statistics.nullCount(), min, max);
    }
}
