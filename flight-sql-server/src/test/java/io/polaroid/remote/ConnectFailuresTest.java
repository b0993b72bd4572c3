package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.remote.RemoteMemory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a remote connection that cannot work fails at once with the SQLState a pool or BI tool acts
 * on: 08001 naming the server for one that is down or silent, 28000 for credentials it refuses.
 */
class ConnectFailuresTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse";
    private static final String TOKEN = "api-key-42";

    @AfterEach
    void noMemoryLeftBehind() {
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of failed or closed remote connections");
        assertEquals(0, RemoteMemory.openAllocators(), "allocators of failed or closed remote connections");
    }

    @Test
    void aServerThatIsDownIs08001NamingItsAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid://127.0.0.1:" + port));
        assertEquals("08001", error.getSQLState());
        assertInstanceOf(SQLNonTransientConnectionException.class, error);
        assertTrue(error.getMessage().contains("127.0.0.1:" + port), error.getMessage());
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheConnectTimeout() throws Exception {
        // the socket accepts TCP connections (the kernel's backlog does) but never speaks HTTP/2
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "jdbc:polaroid:flight://127.0.0.1:" + silent.getLocalPort() + "?connectTimeoutMs=300";
            SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
            assertEquals("08001", error.getSQLState());
            assertTrue(error.getMessage().contains("127.0.0.1:" + silent.getLocalPort()), error.getMessage());
            assertTrue(error.getMessage().contains("connectTimeoutMs=300"), error.getMessage());
        }
    }

    private static ExampleServer basicAuthServer() throws Exception {
        return ExampleServer.start(builder -> builder.headerAuthenticator(new GeneratedBearerTokenAuthenticator(
                new BasicCallHeaderAuthenticator((user, password) -> {
                    if (USER.equals(user) && PASSWORD.equals(password)) {
                        return () -> user;
                    }
                    throw CallStatus.UNAUTHENTICATED.withDescription("unknown user or wrong password").toRuntimeException();
                }))));
    }

    @Test
    void aWrongPasswordIs28000() throws Exception {
        try (ExampleServer server = basicAuthServer()) {
            Properties properties = new Properties();
            properties.setProperty("user", USER);
            properties.setProperty("password", "hunter2-typo");
            SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(server.url(), properties));
            assertEquals("28000", error.getSQLState());
            assertInstanceOf(SQLInvalidAuthorizationSpecException.class, error);
            assertFalse(error.getMessage().contains("hunter2"), "the password is not repeated: " + error.getMessage());

            SQLException anonymous = assertThrows(SQLException.class, () -> DriverManager.getConnection(server.url()));
            assertEquals("28000", anonymous.getSQLState(), anonymous.getMessage());
        }
    }

    @Test
    void theRightPasswordIsExchangedForABearerToken() throws Exception {
        try (ExampleServer server = basicAuthServer();
             Connection connection = DriverManager.getConnection(server.url() + "?user=" + USER
                     + "&password=correct%20horse")) {
            assertEquals(3, count(connection));
            assertTrue(connection.isValid(5));
        }
    }

    @Test
    void aStaticTokenIsSentWithEveryCall() throws Exception {
        CallHeaderAuthenticator tokens = headers -> {
            String token = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
            if (!TOKEN.equals(token)) {
                throw CallStatus.UNAUTHENTICATED.withDescription("unknown API key").toRuntimeException();
            }
            return () -> "service";
        };
        try (ExampleServer server = ExampleServer.start(builder -> builder.headerAuthenticator(tokens))) {
            try (Connection connection = DriverManager.getConnection(server.url() + ";token=" + TOKEN)) {
                assertEquals(3, count(connection));
            }
            SQLException error = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(server.url() + ";token=not-the-key"));
            assertEquals("28000", error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void contradictoryPropertiesFailBeforeAnyCall() {
        // no server listens on port 1: these must fail on the properties alone
        assertEquals("08001", sqlState("jdbc:polaroid://127.0.0.1:1;token=t;user=u"));
        assertEquals("08001", sqlState("jdbc:polaroid://127.0.0.1:1;password=p"));
        assertEquals("08001", sqlState("jdbc:polaroid://127.0.0.1:1;disableCertificateVerification=true"));
        assertEquals("08001", sqlState("jdbc:polaroid://127.0.0.1:1;connectTimeoutMs=-5"));
        assertEquals("08001", sqlState("jdbc:polaroid://127.0.0.1:99999"));
    }

    private static String sqlState(String url) {
        return assertThrows(SQLException.class, () -> DriverManager.getConnection(url)).getSQLState();
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM intTable")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
