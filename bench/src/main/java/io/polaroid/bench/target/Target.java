package io.polaroid.bench.target;

import io.polaroid.bench.workload.Dataset;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One way of running the queries: a JDBC driver, how it connects, and how it makes the datasets visible
 * under their names. A remote Polaroid server or another Flight SQL driver is one more implementation.
 */
public interface Target {
    /** Stable name for {@code --targets} and the JSON output, e.g. {@code polaroid-memory}. */
    String id();

    /** Column header in the report, e.g. {@code Polaroid mem}. */
    String label();

    Product product();

    /**
     * Opens a connection on which every dataset can be queried by its name, with the data already loaded
     * when the target keeps it in memory (so loading is never timed as part of a query).
     */
    Connection connect(List<Dataset> datasets) throws SQLException;

    /** One line for the report: version, threads, URL and how the data is held. */
    String describe(Connection connection) throws SQLException;

    /** {@code text} as a SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
