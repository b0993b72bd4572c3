package io.polaroid.bench.footprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a directory of Parquet files larger than a small heap, with DuckDB (an independent writer):
 * {@code files} files of {@code rowsPerFile} rows of (id BIGINT, grp INTEGER, v DOUBLE, tag VARCHAR), where
 * {@code tag} is an MD5 hex string, so the data barely compresses (~50 bytes a row on disk).
 *
 * <p>Usage: {@code LargeParquet <directory> <files> <rowsPerFile>}; an existing file is kept.
 */
public final class LargeParquet {
    private LargeParquet() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createDirectories(Path.of(args[0]));
        int files = Integer.parseInt(args[1]);
        long rowsPerFile = Long.parseLong(args[2]);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            statement.execute("SET threads = 2");
            for (int f = 0; f < files; f++) {
                Path file = directory.resolve(String.format("part-%03d.parquet", f));
                if (Files.exists(file)) {
                    continue;
                }
                write(statement, file, f * rowsPerFile, rowsPerFile);
                System.err.println("wrote " + file + " (" + Files.size(file) / (1 << 20) + " MiB)");
            }
        }
    }

    private static void write(Statement statement, Path file, long first, long rows) throws SQLException {
        statement.execute("COPY (SELECT i AS id, (i % 1000)::INTEGER AS grp, hash(i) / 18446744073709551615.0 AS v, "
                + "md5(i::VARCHAR) AS tag FROM range(" + first + ", " + (first + rows) + ") AS r(i)) TO '" + file
                + "' (FORMAT parquet, ROW_GROUP_SIZE 1000000)");
    }
}
