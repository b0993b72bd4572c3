package io.polaroid.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes Parquet test files with DuckDB, an independent writer. */
final class TestParquet implements AutoCloseable {
    private final Connection connection;

    TestParquet() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB", e);
        }
    }

    /** Writes the rows of {@code select} to {@code file} (creating parent directories). */
    Path write(Path file, String select) {
        return write(file, select, 122_880);
    }

    /** Writes with row groups of {@code rowGroupRows} rows (DuckDB rounds up to multiples of 2048). */
    Path write(Path file, String select, int rowGroupRows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".writing");
            execute("COPY (" + select + ") TO '" + temp + "' (FORMAT parquet, ROW_GROUP_SIZE " + rowGroupRows + ")");
            // Rename into place so a concurrent lister never sees a half-written file.
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
