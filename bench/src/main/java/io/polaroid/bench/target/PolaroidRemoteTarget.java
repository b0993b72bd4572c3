package io.polaroid.bench.target;

import io.polaroid.bench.remote.ServerProcess;
import io.polaroid.bench.remote.SharedServer;
import io.polaroid.bench.workload.Dataset;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Polaroid's remote driver, {@code jdbc:polaroid://127.0.0.1:PORT}, against a Polaroid Flight SQL server in
 * a child process ({@link SharedServer}) that holds the datasets in its memory: the same data and the same
 * engine as {@code polaroid-memory}, plus Flight SQL over loopback.
 */
public final class PolaroidRemoteTarget implements Target {
    private final SharedServer server;

    public PolaroidRemoteTarget(SharedServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public String id() {
        return "polaroid-remote";
    }

    @Override
    public String label() {
        return "Polaroid remote";
    }

    @Override
    public Product product() {
        return Product.POLAROID;
    }

    @Override
    public Connection connect(List<Dataset> datasets) throws SQLException {
        ServerProcess process = server.serving(datasets);
        return DriverManager.getConnection(process.jdbcUrl());
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return metaData.getDriverName() + " " + metaData.getDriverVersion() + " to " + metaData.getDatabaseProductName()
                + " " + metaData.getDatabaseProductVersion() + ", " + metaData.getURL()
                + ", server in a child JVM (polaroid serve), datasets WITH (cache = 'memory')";
    }
}
