package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PolaroidDataSourceTest {
    private final EmbeddedFixture fixture = EmbeddedFixture.shared();

    @Test
    void opensWorkingConnectionsFromTheUrl() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource();
        dataSource.setUrl(fixture.url());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM symbols")) {
            assertTrue(rows.next());
            assertTrue(rows.getLong(1) > 0);
            assertEquals("embedded", connection.getClientInfo(PolaroidConnection.MODE));
        }
    }

    @Test
    void eachCallOpensANewConnection() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.close();
            assertFalse(second.isClosed());
            assertTrue(second.isValid(1));
        }
    }

    @Test
    void passesPropertiesToTheConnection() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        Properties properties = new Properties();
        properties.setProperty("schema", "main");
        dataSource.setProperties(properties);
        dataSource.setProperty("batchRows", "7");
        assertEquals("7", dataSource.getProperty("batchRows"));
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("main", connection.getSchema());
            // the shared catalog is already open, so the driver answers that it cannot apply batchRows 7:
            // proof that the property reached it
            assertTrue(connection.getWarnings().getMessage().contains("batchRows 7"),
                    connection.getWarnings().getMessage());
        }
        dataSource.setProperty("batchRows", null);
        assertNull(dataSource.getProperty("batchRows"));
    }

    @Test
    void aMisspelledPropertyIsAWarningOnTheConnection() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        dataSource.setProperty("batchRowz", "7");
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(connection.getWarnings().getMessage().contains("batchRowz"));
        }
    }

    @Test
    void userAndPasswordAreKeptButThePasswordIsNotShown() {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        dataSource.setUsername("alice");
        dataSource.setPassword("secret");
        assertEquals("alice", dataSource.getUser());
        assertEquals("alice", dataSource.getProperties().getProperty("user"));
        assertNull(dataSource.getProperties().getProperty("password"));
        assertFalse(dataSource.toString().contains("secret"));
    }

    @Test
    void getConnectionAsAnotherUserLeavesTheDataSourceUnchanged() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        dataSource.setUser("alice");
        try (Connection connection = dataSource.getConnection("bob", "pw")) {
            assertTrue(connection.isValid(1));
        }
        assertEquals("alice", dataSource.getUser());
    }

    @Test
    void withoutAUrlGetConnectionFailsWith08001() {
        SQLException e = assertThrows(SQLException.class, () -> new PolaroidDataSource().getConnection());
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("setUrl"), e.getMessage());
    }

    @Test
    void aForeignUrlFailsWith08001NamingIt() {
        PolaroidDataSource dataSource = new PolaroidDataSource("jdbc:postgresql://localhost/x");
        SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("jdbc:postgresql://localhost/x"), e.getMessage());
    }

    @Test
    void aMissingArrowPathFailsAsTheDriverDoes() {
        PolaroidDataSource dataSource =
                new PolaroidDataSource("jdbc:polaroid:arrow:/nonexistent/polaroid/nothing.arrow");
        SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
        assertTrue(e.getMessage().contains("/nonexistent/polaroid/nothing.arrow"), e.getMessage());
    }

    @Test
    void loginTimeoutIsKeptAndMustNotBeNegative() throws SQLException {
        PolaroidDataSource dataSource = new PolaroidDataSource(fixture.url());
        assertEquals(0, dataSource.getLoginTimeout());
        dataSource.setLoginTimeout(3);
        assertEquals(3, dataSource.getLoginTimeout());
        assertThrows(SQLException.class, () -> dataSource.setLoginTimeout(-1));
        assertEquals(3, dataSource.getLoginTimeout());
        // the embedded mode has no connect timeout: the login timeout is not passed on as one
        try (Connection connection = dataSource.getConnection()) {
            assertNull(connection.getWarnings());
        }
    }

    @Test
    void loginTimeoutBoundsARemoteConnectToANonListeningPort() throws SQLException {
        // port 1 on loopback: nothing listens, so the connect is refused (or times out) and fails with 08001
        PolaroidDataSource dataSource = new PolaroidDataSource("jdbc:polaroid://127.0.0.1:1");
        dataSource.setLoginTimeout(2);
        SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void keepsTheLogWriter() {
        PolaroidDataSource dataSource = new PolaroidDataSource();
        assertNull(dataSource.getLogWriter());
        PrintWriter writer = new PrintWriter(new StringWriter());
        dataSource.setLogWriter(writer);
        assertSame(writer, dataSource.getLogWriter());
    }

    @Test
    void unwrapsToItselfOnly() throws SQLException {
        DataSource dataSource = new PolaroidDataSource(fixture.url());
        assertTrue(dataSource.isWrapperFor(PolaroidDataSource.class));
        assertTrue(dataSource.isWrapperFor(DataSource.class));
        assertFalse(dataSource.isWrapperFor(Connection.class));
        assertSame(dataSource, dataSource.unwrap(PolaroidDataSource.class));
        assertThrows(SQLException.class, () -> dataSource.unwrap(Connection.class));
        assertEquals("io.polaroid.jdbc", dataSource.getParentLogger().getName());
    }
}
