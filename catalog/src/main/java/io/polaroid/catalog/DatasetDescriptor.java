package io.polaroid.catalog;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One line of {@code SHOW DATASETS}: a registered dataset and the size of its current snapshot.
 *
 * @param bytes total size of the dataset's files on disk
 */
public record DatasetDescriptor(DatasetName name, String location, CacheMode cache, long rowCount, int fileCount,
                                long bytes, Schema schema) {
    public DatasetDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(schema, "schema");
    }
}
