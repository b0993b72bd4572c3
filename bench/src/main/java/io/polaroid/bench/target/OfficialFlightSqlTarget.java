package io.polaroid.bench.target;

import io.polaroid.bench.remote.ServerProcess;
import io.polaroid.bench.remote.SharedServer;
import io.polaroid.bench.workload.Dataset;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The official Apache Arrow Flight SQL JDBC driver against the same server process as
 * {@link PolaroidRemoteTarget}. Loaded from its shaded jar in a class loader of its own (parent: the
 * platform class loader), as a BI tool loads it: it carries its own Avatica and Arrow classes, which must
 * not meet Polaroid's. The build copies the jar and {@code bench/run.sh} names it in
 * {@value #JAR_PROPERTY}.
 */
public final class OfficialFlightSqlTarget implements Target {
    public static final String JAR_PROPERTY = "polaroid.bench.flightSqlJdbcDriver";
    private static final String DRIVER_CLASS = "org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver";

    private final SharedServer server;
    private Driver driver;

    public OfficialFlightSqlTarget(SharedServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public String id() {
        return "flightsql-jdbc";
    }

    @Override
    public String label() {
        return "Flight SQL JDBC";
    }

    @Override
    public Product product() {
        return Product.POLAROID;
    }

    @Override
    public Connection connect(List<Dataset> datasets) throws SQLException {
        ServerProcess process = server.serving(datasets);
        String url = "jdbc:arrow-flight-sql://127.0.0.1:" + process.port() + "/?useEncryption=false";
        Connection connection = driver().connect(url, new Properties());
        if (connection == null) {
            throw new SQLException(DRIVER_CLASS + " does not accept " + url);
        }
        return connection;
    }

    private synchronized Driver driver() throws SQLException {
        if (driver == null) {
            String jar = System.getProperty(JAR_PROPERTY);
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new SQLException("the official Flight SQL JDBC driver's jar is not at " + jar + " (system "
                        + "property " + JAR_PROPERTY + ", set by bench/run.sh from the build)");
            }
            try {
                // never closed: the driver's classes are used until the process ends
                URLClassLoader loader = new URLClassLoader("flight-sql-jdbc-driver", new URL[] {Path.of(jar).toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                driver = (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
            } catch (MalformedURLException | ReflectiveOperationException e) {
                throw new SQLException("cannot load " + DRIVER_CLASS + " from " + jar + ": " + e, e);
            }
        }
        return driver;
    }

    @Override
    public String describe(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return metaData.getDriverName() + " " + metaData.getDriverVersion() + " (its own class loader) to "
                + metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion()
                + ", the same server process as polaroid-remote";
    }
}
