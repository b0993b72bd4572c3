package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.DataFile;
import io.polaroid.catalog.stats.StatisticsAccumulator;
import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.RowGroupInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Statistics of every dataset column per row group, per file and for the whole dataset, as pruning sees
 * them: a partition column is a constant, a column a file lacks is all NULL, a column without statistics
 * is unknown. File and dataset aggregates are computed on first use and kept.
 */
final class StatisticsIndex {
    private final List<Field> fields;
    private final boolean[] partition;
    private final List<DataFile> files;
    private final AtomicReferenceArray<FileEntry> fileEntries;
    private final AtomicReferenceArray<ColumnStatistics> datasetEntries;

    /** Which columns a file has and their file-level statistics. */
    private record FileEntry(boolean[] present, ColumnStatistics[] statistics) {
    }

    StatisticsIndex(List<Field> fields, boolean[] partition, List<DataFile> files) {
        this.fields = fields;
        this.partition = partition;
        this.files = files;
        this.fileEntries = new AtomicReferenceArray<>(files.size());
        this.datasetEntries = new AtomicReferenceArray<>(fields.size());
    }

    /** Statistics of {@code column} in row group {@code rowGroup} of file {@code fileIndex}. */
    ColumnStatistics rowGroup(int fileIndex, RowGroupInfo rowGroup, int column) {
        return chunk(fileIndex, fileEntry(fileIndex).present[column], rowGroup, column);
    }

    /** Statistics of {@code column} over file {@code fileIndex}. */
    ColumnStatistics file(int fileIndex, int column) {
        return fileEntry(fileIndex).statistics[column];
    }

    /** Statistics of {@code column} over the whole dataset (values in the files' representations). */
    ColumnStatistics dataset(int column) {
        ColumnStatistics statistics = datasetEntries.get(column);
        if (statistics == null) {
            StatisticsAccumulator accumulator = new StatisticsAccumulator();
            for (int f = 0; f < files.size(); f++) {
                accumulator.add(file(f, column), files.get(f).rowCount());
            }
            statistics = accumulator.result();
            datasetEntries.set(column, statistics);
        }
        return statistics;
    }

    private ColumnStatistics chunk(int fileIndex, boolean present, RowGroupInfo rowGroup, int column) {
        DataFile file = files.get(fileIndex);
        if (partition[column]) {
            return constant(file.partitionValues().get(fields.get(column).getName()), rowGroup.rowCount());
        }
        if (!present) {
            return new ColumnStatistics(rowGroup.rowCount(), null, null);
        }
        return rowGroup.statistics().getOrDefault(fields.get(column).getName(), ColumnStatistics.UNKNOWN);
    }

    private static ColumnStatistics constant(Object value, long rows) {
        return value == null ? new ColumnStatistics(rows, null, null) : new ColumnStatistics(0, value, value);
    }

    private FileEntry fileEntry(int fileIndex) {
        FileEntry entry = fileEntries.get(fileIndex);
        if (entry == null) {
            // Computing twice under a race is harmless: both results are equal.
            entry = computeFileEntry(fileIndex);
            fileEntries.set(fileIndex, entry);
        }
        return entry;
    }

    private FileEntry computeFileEntry(int fileIndex) {
        DataFile file = files.get(fileIndex);
        Set<String> names = new HashSet<>();
        file.schema().getFields().forEach(field -> names.add(field.getName()));
        boolean[] present = new boolean[fields.size()];
        ColumnStatistics[] statistics = new ColumnStatistics[fields.size()];
        for (int c = 0; c < fields.size(); c++) {
            present[c] = names.contains(fields.get(c).getName());
            if (partition[c]) {
                statistics[c] = constant(file.partitionValues().get(fields.get(c).getName()), file.rowCount());
            } else if (!present[c]) {
                statistics[c] = new ColumnStatistics(file.rowCount(), null, null);
            } else {
                StatisticsAccumulator accumulator = new StatisticsAccumulator();
                for (RowGroupInfo rowGroup : file.rowGroups()) {
                    accumulator.add(chunk(fileIndex, true, rowGroup, c), rowGroup.rowCount());
                }
                statistics[c] = accumulator.result();
            }
        }
        return new FileEntry(present, statistics);
    }
}
