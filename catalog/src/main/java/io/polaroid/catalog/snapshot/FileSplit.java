package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.ScanSplit;
import io.polaroid.columnar.BatchSource;
import io.polaroid.parquet.ParquetFooter;
import io.polaroid.parquet.RowGroupInfo;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** Row groups of one file, read from disk by every query. */
final class FileSplit implements ScanSplit {
    private final Snapshot snapshot;
    private final FileProjection projection;
    private final List<RowGroupInfo> rowGroups;
    private final int batchRows;

    FileSplit(Snapshot snapshot, FileProjection projection, List<RowGroupInfo> rowGroups, int batchRows) {
        this.snapshot = snapshot;
        this.projection = projection;
        this.rowGroups = List.copyOf(rowGroups);
        this.batchRows = batchRows;
    }

    @Override
    public BatchSource open(BufferAllocator allocator) {
        Objects.requireNonNull(allocator, "allocator");
        ParquetFooter footer = snapshot.footer(projection.file());
        BatchSource rows = projection.openRows(footer, rowGroups, batchRows, allocator);
        return new FileBatchSource(projection, rows, allocator);
    }

    @Override
    public long estimatedRows() {
        return rowGroups.stream().mapToLong(RowGroupInfo::rowCount).sum();
    }

    @Override
    public String describe() {
        return "file " + projection.file().path() + " row groups "
                + rowGroups.stream().map(g -> String.valueOf(g.index())).toList();
    }
}
