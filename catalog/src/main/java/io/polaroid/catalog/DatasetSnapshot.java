package io.polaroid.catalog;

import io.polaroid.parquet.ColumnStatistics;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An immutable view of a dataset at one point in time: its files, schema and statistics, and (for
 * {@link CacheMode#MEMORY}) its rows in memory. A refresh creates a new snapshot; this one stays valid for
 * the scans planned on it.
 */
public interface DatasetSnapshot {

    DatasetName name();

    /** The absolute location the dataset was created from (a file, directory or glob). */
    String location();

    CacheMode cacheMode();

    /** 1 for a new dataset, incremented by every refresh; 0 for ad-hoc snapshots. */
    long version();

    /** Data columns (merged across files, in first-seen order) followed by the hive partition columns. */
    Schema schema();

    List<String> partitionColumns();

    long rowCount();

    /** Total size of the files on disk, in bytes. */
    long totalBytes();

    /** The files, sorted by path. */
    List<DataFile> files();

    /**
     * Statistics of a column over the whole dataset, its min and max in the representation of the column's
     * dataset type. Empty if the column does not exist; unknown parts are -1 / null.
     */
    Optional<ColumnStatistics> columnStatistics(String column);

    /** The column called {@code name}: an exact match, else the only case-insensitive match. */
    Optional<Field> findColumn(String name);

    /**
     * Plans a scan: prunes files and row groups the predicates exclude and cuts the rest into splits. A
     * {@link CacheMode#MEMORY} dataset is loaded first if it is not in memory yet. The plan pins this
     * snapshot until it is closed.
     */
    ScanPlan planScan(ScanRequest request);

    /**
     * Loads a {@link CacheMode#MEMORY} dataset's rows now rather than at its first scan (a server warming
     * up). No-op for other modes, when the rows are loaded already, or when this snapshot was replaced.
     */
    default void preload() {
    }
}
