package io.polaroid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Opens the connections the commands use: through {@link DriverManager} and Polaroid's JDBC driver, like any
 * other JDBC client, so the command line exercises the same path users' programs do.
 */
final class JdbcConnections {
    private JdbcConnections() {
    }

    /** An embedded connection to the catalog in {@code catalogDirectory}; its warnings go to {@code err}. */
    static Connection embedded(Path catalogDirectory, PrintWriter err) throws SQLException {
        return open(CatalogOption.jdbcUrl(catalogDirectory), err);
    }

    /** A connection to {@code url}; its warnings go to {@code err}. */
    static Connection open(String url, PrintWriter err) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        for (SQLWarning warning = connection.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            err.println("WARNING: " + warning.getMessage());
        }
        connection.clearWarnings();
        return connection;
    }
}
