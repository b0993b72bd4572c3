package io.polaroid.catalog.files;

import io.polaroid.catalog.DatasetName;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A table found under a path: one data file, or a directory of Parquet files (read as one dataset, hive
 * partitions included).
 *
 * @param name     the table's name: the file's stem or the directory's name, in the default schema
 * @param location the file or directory (absolute)
 * @param format   the format of its files
 */
public record FileTable(DatasetName name, Path location, FileFormat format) {
    public FileTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(format, "format");
    }
}
