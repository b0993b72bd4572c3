package io.polaroid.bench.target;

import io.polaroid.bench.data.GeneratedDirectory;
import io.polaroid.bench.workload.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Polaroid's embedded driver on a fresh catalog directory of its own, the datasets registered with
 * {@code CREATE DATASET ... WITH (cache = 'memory' | 'none')}. Each storage gets its own directory, so the
 * two variants are separate engines in this JVM and the same table names resolve in both.
 */
public final class PolaroidEmbeddedTarget implements Target {
    private final Storage storage;
    private final Path catalogDirectory;

    public PolaroidEmbeddedTarget(Storage storage, Path catalogsDirectory) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.catalogDirectory = catalogsDirectory.resolve("polaroid-" + storage.id()).toAbsolutePath();
    }

    @Override
    public String id() {
        return "polaroid-" + storage.id();
    }

    @Override
    public String label() {
        return storage == Storage.MEMORY ? "Polaroid mem" : "Polaroid files";
    }

    @Override
    public Product product() {
        return Product.POLAROID;
    }

    private String url() {
        return "jdbc:polaroid:embedded:" + catalogDirectory;
    }

    private String cacheMode() {
        return storage == Storage.MEMORY ? "memory" : "none";
    }

    @Override
    public Connection connect(List<Dataset> datasets) throws SQLException {
        try {
            // a stale catalog from an earlier run would keep datasets of other files; start empty
            GeneratedDirectory.deleteRecursively(catalogDirectory);
            Files.createDirectories(catalogDirectory);
        } catch (IOException e) {
            throw new SQLException("cannot prepare catalog directory " + catalogDirectory + ": " + e.getMessage(), e);
        }
        Connection connection = DriverManager.getConnection(url());
        try (Statement statement = connection.createStatement()) {
            for (Dataset dataset : datasets) {
                // CREATE DATASET loads a cache = 'memory' dataset before it returns
                statement.execute("CREATE DATASET " + dataset.name() + " FROM "
                        + Target.literal(dataset.directory().toString()) + " WITH (cache = '" + cacheMode() + "')");
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion() + ", " + url()
                + ", datasets WITH (cache = '" + cacheMode() + "'), scan parallelism "
                + Runtime.getRuntime().availableProcessors() + " (the engine's default: available processors)";
    }
}
