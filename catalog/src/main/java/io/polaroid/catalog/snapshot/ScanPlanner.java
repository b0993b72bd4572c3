package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.ColumnPredicate;
import io.polaroid.catalog.DataFile;
import io.polaroid.catalog.ScanMetrics;
import io.polaroid.catalog.ScanRequest;
import io.polaroid.catalog.ScanSplit;
import io.polaroid.catalog.stats.PredicatePruner;
import io.polaroid.parquet.RowGroupInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns a {@link ScanRequest} into a {@link PlannedScan}: resolves the columns, prunes files by partition
 * values and file statistics and row groups by row-group statistics, and cuts what is left into splits
 * of about {@code splitRows} rows, over the cached batches when the snapshot is in memory.
 */
final class ScanPlanner {
    private final Snapshot snapshot;
    private final int[] columns;
    private final List<ColumnPredicate> predicates;
    private final int[] predicateColumns;

    private ScanPlanner(Snapshot snapshot, ScanRequest request) {
        this.snapshot = snapshot;
        this.columns = request.columns().stream().mapToInt(snapshot::columnIndex).toArray();
        this.predicates = request.predicates();
        this.predicateColumns = predicates.stream().mapToInt(p -> snapshot.columnIndex(p.column())).toArray();
    }

    static PlannedScan plan(Snapshot snapshot, ScanRequest request) {
        ScanPlanner planner = new ScanPlanner(snapshot, request);
        // The plan's pin keeps the snapshot's memory alive; without one (it was already replaced and
        // released) the files are read instead.
        boolean pinned = snapshot.tryPin();
        try {
            DatasetCache cache = pinned && snapshot.cacheMode() == CacheMode.MEMORY
                    ? snapshot.ensureCacheLoaded(null) : null;
            return planner.build(request.batchRows(), cache, pinned);
        } catch (RuntimeException | Error e) {
            if (pinned) {
                snapshot.unpin();
            }
            throw e;
        }
    }

    private PlannedScan build(int batchRows, DatasetCache cache, boolean pinned) {
        List<Field> fields = snapshot.schema().getFields();
        List<Field> outputFields = new ArrayList<>(columns.length);
        for (int column : columns) {
            outputFields.add(fields.get(column));
        }
        Schema schema = new Schema(outputFields);
        long splitRows = snapshot.context().options().splitRows();

        List<ScanSplit> splits = new ArrayList<>();
        List<DataFile> files = snapshot.files();
        int filesPruned = 0;
        int rowGroupsTotal = 0;
        int rowGroupsPruned = 0;
        for (int f = 0; f < files.size(); f++) {
            DataFile file = files.get(f);
            List<RowGroupInfo> rowGroups = file.rowGroups();
            rowGroupsTotal += rowGroups.size();
            if (!fileMightMatch(f)) {
                filesPruned++;
                rowGroupsPruned += rowGroups.size();
                continue;
            }
            List<Integer> kept = new ArrayList<>();
            for (int g = 0; g < rowGroups.size(); g++) {
                if (rowGroupMightMatch(f, rowGroups.get(g))) {
                    kept.add(g);
                }
            }
            rowGroupsPruned += rowGroups.size() - kept.size();
            if (kept.isEmpty() && !rowGroups.isEmpty()) {
                filesPruned++;
            }
            for (List<Integer> chunk : chunks(rowGroups, kept, splitRows)) {
                splits.add(cache != null
                        ? new CachedSplit(snapshot, cache.file(file.path()), chunk, columns, schema)
                        : new FileSplit(snapshot, FileProjection.of(snapshot, file, columns),
                        chunk.stream().map(rowGroups::get).toList(), batchRows));
            }
        }
        ScanMetrics metrics = new ScanMetrics(files.size(), filesPruned, rowGroupsTotal, rowGroupsPruned, cache != null);
        return new PlannedScan(schema, splits, metrics, pinned ? snapshot : null);
    }

    private boolean fileMightMatch(int file) {
        long rows = snapshot.files().get(file).rowCount();
        for (int p = 0; p < predicates.size(); p++) {
            int column = predicateColumns[p];
            if (!PredicatePruner.mightMatch(predicates.get(p), snapshot.statistics().file(file, column), rows,
                    snapshot.schema().getFields().get(column).getType())) {
                return false;
            }
        }
        return true;
    }

    private boolean rowGroupMightMatch(int file, RowGroupInfo rowGroup) {
        for (int p = 0; p < predicates.size(); p++) {
            int column = predicateColumns[p];
            if (!PredicatePruner.mightMatch(predicates.get(p), snapshot.statistics().rowGroup(file, rowGroup, column),
                    rowGroup.rowCount(), snapshot.schema().getFields().get(column).getType())) {
                return false;
            }
        }
        return true;
    }

    /** Groups consecutive kept row-group positions into splits of about {@code splitRows} rows. */
    private static List<List<Integer>> chunks(List<RowGroupInfo> rowGroups, List<Integer> kept, long splitRows) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long rows = 0;
        for (int position : kept) {
            long groupRows = rowGroups.get(position).rowCount();
            if (!current.isEmpty() && rows + groupRows > splitRows) {
                chunks.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(position);
            rows += groupRows;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
