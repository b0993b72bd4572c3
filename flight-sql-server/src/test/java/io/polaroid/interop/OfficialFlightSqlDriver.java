package io.polaroid.interop;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * The official Apache Arrow Flight SQL JDBC driver ({@code org.apache.arrow:flight-sql-jdbc-driver}, the
 * shaded single jar), loaded the way a BI tool loads a driver: from its jar, in a class loader of its own
 * whose parent is the platform class loader. It must not share the test class path: it carries its own
 * Avatica and Arrow classes, which would clash with the ones Polaroid's driver and server use.
 *
 * <p>The build copies the jar into the build directory and names it in the system property
 * {@value #JAR_PROPERTY} (see this module's pom).
 */
final class OfficialFlightSqlDriver implements AutoCloseable {
    static final String JAR_PROPERTY = "polaroid.interop.flightSqlJdbcDriver";
    private static final String DRIVER_CLASS = "org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver";

    private final URLClassLoader loader;
    private final Driver driver;

    private OfficialFlightSqlDriver(URLClassLoader loader, Driver driver) {
        this.loader = loader;
        this.driver = driver;
    }

    /** Loads the driver from {@code jar}. */
    static OfficialFlightSqlDriver load(Path jar) {
        Objects.requireNonNull(jar, "jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the official Flight SQL JDBC driver is not at " + jar);
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("flight-sql-jdbc-driver", new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a jar path: " + jar, e);
        }
        try {
            Driver driver = (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
            return new OfficialFlightSqlDriver(loader, driver);
        } catch (ReflectiveOperationException | RuntimeException e) {
            closeQuietly(loader);
            throw new IllegalStateException("cannot load " + DRIVER_CLASS + " from " + jar, e);
        }
    }

    /** Loads the driver from the jar the build copied (system property {@value #JAR_PROPERTY}). */
    static OfficialFlightSqlDriver fromBuild() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property " + JAR_PROPERTY + " is not set: run the tests with "
                    + "Maven, which copies the driver's jar and sets it");
        }
        return load(Path.of(jar));
    }

    /** The driver's own class loader: no class of it is visible from the test's class path. */
    ClassLoader classLoader() {
        return loader;
    }

    /** A plaintext connection to 127.0.0.1:{@code port}, with {@code properties} added. */
    Connection connect(int port, Properties properties) throws SQLException {
        Connection connection = driver.connect(url(port), properties);
        if (connection == null) {
            throw new IllegalStateException(DRIVER_CLASS + " did not accept " + url(port));
        }
        return connection;
    }

    Connection connect(int port) throws SQLException {
        return connect(port, new Properties());
    }

    static String url(int port) {
        return "jdbc:arrow-flight-sql://127.0.0.1:" + port + "/?useEncryption=false";
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // only the jar file handle: nothing a test can act on
        }
    }
}
