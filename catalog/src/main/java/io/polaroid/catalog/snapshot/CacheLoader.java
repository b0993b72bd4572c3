package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CatalogProgress;
import io.polaroid.catalog.DataFile;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ParquetFooter;
import io.polaroid.parquet.RowGroupInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Loads a snapshot's rows into memory. Vectors come from the Parquet reader and are taken over by
 * transfer (no copy) into an allocator per file, a child of the catalog's cache allocator; NULL and
 * partition columns are one constant vector per file shared by all its batches. A file that is unchanged
 * since a previous cached snapshot of the same schema is shared instead of read again.
 *
 * <p>All or nothing: if any file fails (corrupt, vanished, over the memory limit) everything loaded so far
 * is freed and the failure is thrown.
 */
final class CacheLoader {
    private final Snapshot snapshot;
    private final BufferAllocator cacheAllocator;
    private final int batchRows;
    private final ProgressReporter progress;
    private long rowsLoaded;

    private CacheLoader(Snapshot snapshot, BufferAllocator cacheAllocator, int batchRows, ProgressReporter progress) {
        this.snapshot = snapshot;
        this.cacheAllocator = cacheAllocator;
        this.batchRows = batchRows;
        this.progress = progress;
    }

    /** Loads every file of {@code snapshot}, reusing files cached by {@code previous} (may be null). */
    static DatasetCache load(Snapshot snapshot, DatasetCache previous, BufferAllocator cacheAllocator, int batchRows,
                             ProgressReporter progress) {
        return new CacheLoader(snapshot, cacheAllocator, batchRows, progress).loadAll(previous);
    }

    private DatasetCache loadAll(DatasetCache previous) {
        Map<Path, CachedFile> loaded = new LinkedHashMap<>();
        try {
            progress.report(CatalogProgress.Phase.LOADING_CACHE, 0, snapshot.rowCount());
            for (DataFile file : snapshot.files()) {
                CachedFile cached = previous == null ? null : previous.reuse(file, snapshot.schema()).orElse(null);
                if (cached == null) {
                    cached = loadFile(file);
                } else {
                    rowsLoaded += file.rowCount();
                }
                loaded.put(file.path(), cached);
                progress.report(CatalogProgress.Phase.LOADING_CACHE, rowsLoaded, snapshot.rowCount());
            }
            return new DatasetCache(snapshot.schema(), loaded);
        } catch (RuntimeException | Error e) {
            releaseAll(loaded, e);
            OutOfMemoryException outOfMemory = outOfMemoryCause(e);
            if (outOfMemory != null) {
                throw new PolaroidException(ErrorCode.OUT_OF_MEMORY, "not enough cache memory to load " + snapshot.label()
                        + " (cache limit " + cacheAllocator.getLimit() + " bytes, " + cacheAllocator.getAllocatedMemory()
                        + " in use by other datasets): " + outOfMemory.getMessage(), e);
            }
            throw e;
        }
    }

    /** The allocation failure behind {@code failure}, also when the reader wrapped it. */
    private static OutOfMemoryException outOfMemoryCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryException outOfMemory) {
                return outOfMemory;
            }
        }
        return null;
    }

    private static void releaseAll(Map<Path, CachedFile> loaded, Throwable failure) {
        for (CachedFile file : loaded.values()) {
            try {
                file.release();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private CachedFile loadFile(DataFile file) {
        BufferAllocator allocator = cacheAllocator.newChildAllocator(
                "cache " + snapshot.name() + " v" + snapshot.version() + " " + file.path(), 0, Long.MAX_VALUE);
        List<FieldVector> owned = new ArrayList<>();
        try {
            FileProjection projection = FileProjection.of(snapshot, file,
                    IntStream.range(0, snapshot.schema().getFields().size()).toArray());
            ParquetFooter footer = snapshot.footer(file);
            List<List<FieldVector[]>> readPerRowGroup = new ArrayList<>();
            List<List<Integer>> rowsPerRowGroup = new ArrayList<>();
            int maxRows = 0;
            for (RowGroupInfo rowGroup : file.rowGroups()) {
                List<FieldVector[]> read = new ArrayList<>();
                List<Integer> rows = new ArrayList<>();
                readRowGroup(projection, footer, rowGroup, allocator, owned, read, rows);
                readPerRowGroup.add(read);
                rowsPerRowGroup.add(rows);
                maxRows = Math.max(maxRows, rows.stream().mapToInt(Integer::intValue).max().orElse(0));
            }
            FieldVector[] constants = projection.createConstants(maxRows, allocator);
            for (FieldVector constant : constants) {
                if (constant != null) {
                    owned.add(constant);
                }
            }
            List<List<Batch>> batches = new ArrayList<>(readPerRowGroup.size());
            for (int g = 0; g < readPerRowGroup.size(); g++) {
                List<Batch> groupBatches = new ArrayList<>();
                for (int b = 0; b < readPerRowGroup.get(g).size(); b++) {
                    groupBatches.add(assemble(projection, readPerRowGroup.get(g).get(b), constants,
                            rowsPerRowGroup.get(g).get(b)));
                }
                batches.add(groupBatches);
            }
            return new CachedFile(file, allocator, batches, owned);
        } catch (RuntimeException | Error e) {
            owned.forEach(FieldVector::close);
            try {
                allocator.close();
            } catch (RuntimeException leak) {
                e.addSuppressed(leak);
            }
            throw e;
        }
    }

    /** Reads one row group, taking every vector over into {@code allocator} and recording it in {@code owned}. */
    private void readRowGroup(FileProjection projection, ParquetFooter footer, RowGroupInfo rowGroup,
                              BufferAllocator allocator, List<FieldVector> owned, List<FieldVector[]> read,
                              List<Integer> rows) {
        long total = 0;
        try (BatchSource source = projection.openRows(footer, List.of(rowGroup), batchRows, allocator)) {
            for (Batch batch = source.next(); batch != null; batch = source.next()) {
                FieldVector[] vectors = new FieldVector[batch.columnCount()];
                for (int c = 0; c < vectors.length; c++) {
                    TransferPair transfer = batch.column(c).getTransferPair(allocator);
                    transfer.transfer();
                    vectors[c] = (FieldVector) transfer.getTo();
                    owned.add(vectors[c]);
                }
                read.add(vectors);
                rows.add(batch.rowCount());
                total += batch.rowCount();
                rowsLoaded += batch.rowCount();
                progress.report(CatalogProgress.Phase.LOADING_CACHE, rowsLoaded, snapshot.rowCount());
            }
        }
        if (total != rowGroup.rowCount()) {
            throw new PolaroidException(ErrorCode.DATA_CORRUPTED, "file '" + projection.file().path() + "' row group "
                    + rowGroup.index() + " holds " + total + " rows, but its footer says " + rowGroup.rowCount());
        }
    }

    private static Batch assemble(FileProjection projection, FieldVector[] read, FieldVector[] constants, int rows) {
        List<FieldVector> columns = new ArrayList<>(projection.columnCount());
        for (int i = 0; i < projection.columnCount(); i++) {
            int position = projection.readPosition(i);
            columns.add(position < 0 ? constants[i] : read[position]);
        }
        return new Batch(columns, rows);
    }
}
