package io.polaroid.bench.workload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A table the queries read: its name in SQL and the directory of Parquet files that holds it. Every target
 * registers the same files under the same name, so both engines answer over identical bytes.
 *
 * @param name      the table name queries use
 * @param directory a directory whose {@code *.parquet} files are the table's rows
 */
public record Dataset(String name, Path directory) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
    }

    /** The files as a glob, the way DuckDB's {@code read_parquet} takes them. */
    public String parquetGlob() {
        return directory.resolve("*.parquet").toString();
    }
}
