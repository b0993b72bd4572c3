package io.polaroid.bench.target;

import io.polaroid.bench.workload.Dataset;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * DuckDB's JDBC driver on a private in-memory database: the datasets become tables loaded from the Parquet
 * files ({@link Storage#MEMORY}) or views over {@code read_parquet} ({@link Storage#FILES}).
 */
public final class DuckDbTarget implements Target {
    private final Storage storage;
    private final OptionalInt threads;

    /** @param threads DuckDB's {@code threads} setting; empty keeps DuckDB's default (one per core) */
    public DuckDbTarget(Storage storage, OptionalInt threads) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public String id() {
        return "duckdb-" + storage.id();
    }

    @Override
    public String label() {
        return storage == Storage.MEMORY ? "DuckDB mem" : "DuckDB files";
    }

    @Override
    public Product product() {
        return Product.DUCKDB;
    }

    @Override
    public Connection connect(List<Dataset> datasets) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            if (threads.isPresent()) {
                statement.execute("SET threads = " + threads.getAsInt());
            }
            for (Dataset dataset : datasets) {
                String source = "SELECT * FROM read_parquet(" + Target.literal(dataset.parquetGlob()) + ")";
                statement.execute(storage == Storage.MEMORY
                        ? "CREATE TABLE " + dataset.name() + " AS " + source
                        : "CREATE VIEW " + dataset.name() + " AS " + source);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT version(), current_setting('threads'), "
                     + "current_setting('memory_limit')")) {
            settings.next();
            return "DuckDB " + settings.getString(1) + " (JDBC), threads = " + settings.getString(2)
                    + (threads.isPresent() ? " (--duckdb-threads)" : " (default)") + ", memory_limit = "
                    + settings.getString(3) + ", jdbc:duckdb: in-memory database, datasets as "
                    + (storage == Storage.MEMORY ? "tables (CREATE TABLE AS SELECT * FROM read_parquet)"
                    : "views over read_parquet");
        }
    }
}
