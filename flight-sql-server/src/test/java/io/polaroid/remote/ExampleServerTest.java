package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.remote.RemoteMemory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The remote mode against a Flight SQL server that is not Polaroid's (arrow's example over Derby):
 * statements, prepared statements with parameters, updates, metadata and server errors work through
 * the protocol alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleServerTest {
    private ExampleServer server;
    private Connection connection;

    @BeforeAll
    void startServer() throws Exception {
        server = ExampleServer.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(server.url());
    }

    @AfterEach
    void closeAndCheckMemory() throws SQLException {
        connection.close();
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of closed remote connections");
        assertEquals(0, RemoteMemory.openAllocators(), "allocators of closed remote connections");
    }

    private static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aStatementReturnsTheServersRows() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT keyName, value FROM intTable ORDER BY id")) {
            ResultSetMetaData metaData = rs.getMetaData();
            assertEquals(2, metaData.getColumnCount());
            assertEquals("KEYNAME", metaData.getColumnLabel(1));
            assertEquals(Types.VARCHAR, metaData.getColumnType(1));
            assertEquals(Types.INTEGER, metaData.getColumnType(2));
            assertEquals(List.of(List.of("one", 1), List.of("zero", 0), List.of("negative one", -1)), rows(rs));
        }
    }

    @Test
    void aPreparedStatementBindsParametersAndRunsAgain() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT keyName FROM intTable WHERE value = ?")) {
            assertEquals(1, statement.getParameterMetaData().getParameterCount());
            statement.setInt(1, 0);
            try (ResultSet rs = statement.executeQuery()) {
                assertEquals(List.of(List.of("zero")), rows(rs));
            }
            statement.setInt(1, -1);
            try (ResultSet rs = statement.executeQuery()) {
                assertEquals(List.of(List.of("negative one")), rows(rs));
            }
        }
    }

    @Test
    void updatesReturnTheirCount() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate(
                    "INSERT INTO foreignTable (foreignName, value) VALUES ('keyFour', 4)"));
            assertEquals(1, statement.executeUpdate("DELETE FROM foreignTable WHERE foreignName = 'keyFour'"));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO foreignTable (foreignName, value) VALUES (?, ?)")) {
            insert.setString(1, "keyFive");
            insert.setInt(2, 5);
            assertEquals(1, insert.executeUpdate());
        }
        try (Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("DELETE FROM foreignTable WHERE foreignName = 'keyFive'"));
        }
    }

    @Test
    void metadataComesFromTheMetadataCalls() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals("\"", metaData.getIdentifierQuoteString());
        assertTrue(metaData.storesUpperCaseIdentifiers(), "Derby folds unquoted names to upper case");
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = metaData.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertTrue(schemas.contains("APP"), schemas.toString());

        List<String> tables = new ArrayList<>();
        try (ResultSet rs = metaData.getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("FOREIGNTABLE", "INTTABLE"), tables);

        List<String> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, "APP", "INTTABLE", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":" + rs.getInt("ORDINAL_POSITION"));
            }
        }
        assertEquals(List.of("ID:" + Types.INTEGER + ":1", "KEYNAME:" + Types.VARCHAR + ":2",
                "VALUE:" + Types.INTEGER + ":3", "FOREIGNID:" + Types.INTEGER + ":4"), columns);
    }

    @Test
    void aServerErrorCarriesTheServersMessage() throws SQLException {
        SQLException error = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT * FROM no_such_table");
            }
        });
        assertTrue(error.getMessage().contains("NO_SUCH_TABLE"), error.getMessage());
        assertTrue(error.getSQLState() != null && error.getSQLState().length() == 5, error.getSQLState());
        assertFalse(error.getSQLState().startsWith("08"), "a statement error is no connection failure: " + error);
        // the connection stays usable
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM intTable")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void isValidMakesARoundTrip() throws Exception {
        assertTrue(connection.isValid(5));
    }
}
