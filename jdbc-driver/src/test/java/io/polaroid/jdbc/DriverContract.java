package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of the driver contract tests: the JDBC behaviour every connection mode must show. A mode runs
 * the suite by subclassing each contract with its {@link ModeFixture}. Each test gets a fresh
 * connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DriverContract {
    protected Connection connection;

    /** The mode under test. */
    protected abstract ModeFixture fixture();

    @BeforeEach
    void openConnection() throws SQLException {
        connection = fixture().connect();
    }

    @AfterEach
    void closeConnection() throws SQLException {
        connection.close();
        fixture().assertNothingHeld();
    }

    /** All rows of a query, each as a list of {@code getObject} values. */
    protected List<List<Object>> rows(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rows(rs);
        }
    }

    protected static List<List<Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData metaData = rs.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The single value of a one-row, one-column query. */
    protected Object scalar(String sql) throws SQLException {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** The SQLState of the SQLException {@code call} throws. */
    protected static String sqlState(Executable call) {
        return assertThrows(SQLException.class, call).getSQLState();
    }
}
