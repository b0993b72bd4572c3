package io.polaroid.catalog;

import io.polaroid.parquet.RowGroupInfo;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One Parquet file of a dataset snapshot, as its footer described it when the snapshot was taken.
 *
 * @param path               absolute path of the file
 * @param size               size in bytes; with {@code lastModifiedMillis} it tells whether the file changed since
 * @param partitionValues    hive partition values by partition column, in the representation of the column's type
 *                           (Long for BIGINT and DATE days, String for VARCHAR); a value may be {@code null}
 * @param rowGroups          the footer's row groups with their statistics
 * @param schema             the file's own Arrow schema (the dataset schema may be wider)
 */
public record DataFile(Path path, long size, long lastModifiedMillis, Map<String, Object> partitionValues,
                       long rowCount, List<RowGroupInfo> rowGroups, Schema schema) {
    public DataFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(partitionValues, "partitionValues");
        Objects.requireNonNull(schema, "schema");
        // Partition values may be null (__HIVE_DEFAULT_PARTITION__), which Map.copyOf rejects.
        partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
        rowGroups = List.copyOf(Objects.requireNonNull(rowGroups, "rowGroups"));
        if (size < 0 || rowCount < 0) {
            throw new IllegalArgumentException("negative size or row count for " + path);
        }
    }

    /** The same file with other partition values (they depend on the whole file set, not the file). */
    public DataFile withPartitionValues(Map<String, Object> values) {
        return new DataFile(path, size, lastModifiedMillis, values, rowCount, rowGroups, schema);
    }
}
