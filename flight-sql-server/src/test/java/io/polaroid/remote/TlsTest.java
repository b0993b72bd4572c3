package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.server.security.TestCertificates;
import io.polaroid.server.security.TestCertificates.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls}, {@code tlsRootCerts}, {@code disableCertificateVerification} and the client certificate of mutual
 * TLS ({@code tlsClientCert}/{@code tlsClientKey}) against TLS servers that are not Polaroid's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private ExampleServer server;
    private ExampleServer mutualServer;
    private Pem authority;
    private Pem client;
    private Pem stranger;
    private Path directory;
    private String address;
    private String mutualAddress;

    @BeforeAll
    void startTlsServers(@TempDir Path directory) throws Exception {
        this.directory = directory;
        authority = TestCertificates.authority(directory, "test-ca");
        Pem serverCertificate = TestCertificates.signedBy(authority, directory, "server");
        client = TestCertificates.signedBy(authority, directory, "client");
        Pem otherAuthority = TestCertificates.authority(directory, "other-ca");
        stranger = TestCertificates.signedBy(otherAuthority, directory, "stranger");
        server = ExampleServer.start(builder -> {
            try {
                builder.useTls(serverCertificate.certificate().toFile(), serverCertificate.privateKey().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        mutualServer = ExampleServer.start(builder -> {
            try {
                builder.useTls(serverCertificate.certificate().toFile(), serverCertificate.privateKey().toFile());
                builder.useMTlsClientVerification(authority.certificate().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        address = "127.0.0.1:" + server.port();
        mutualAddress = "127.0.0.1:" + mutualServer.port();
    }

    @AfterAll
    void stopServers() throws Exception {
        try (ExampleServer first = server; ExampleServer second = mutualServer) {
            // closes both
        }
    }

    @Test
    void aTrustedCertificateConnects() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid://" + address + "?tls=true&tlsRootCerts="
                + authority.certificate())) {
            assertEquals(3, count(connection));
        }
    }

    @Test
    void withoutVerificationAnyCertificateConnects() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid://" + address
                + ";tls=true;disableCertificateVerification=true")) {
            assertEquals(3, count(connection));
        }
    }

    @Test
    void anUntrustedCertificateIs08001() {
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid://" + address + ";tls=true"));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(address), error.getMessage());
    }

    @Test
    void plainTextToATlsServerIs08001() {
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:polaroid://" + address + ";connectTimeoutMs=2000"));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(address), error.getMessage());
    }

    @Test
    void aClientCertificateFromTheServersCaConnectsUnderMutualTls() throws SQLException {
        try (Connection connection = DriverManager.getConnection(mutualUrl(client))) {
            assertEquals(3, count(connection));
        }
    }

    @Test
    void mutualTlsWithoutAClientCertificateIs08001() {
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:polaroid://"
                + mutualAddress + ";tls=true;connectTimeoutMs=5000;tlsRootCerts=" + authority.certificate()));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(mutualAddress), error.getMessage());
    }

    @Test
    void aClientCertificateFromAnotherCaIs08001() {
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(mutualUrl(stranger)));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains(mutualAddress), error.getMessage());
    }

    @Test
    void aKeyFileThatIsNotPemIs08001NamingTheFiles() throws IOException {
        Path garbage = Files.writeString(directory.resolve("garbage.key"), "not a key\n");
        SQLException error = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:polaroid://" + mutualAddress + ";tls=true;connectTimeoutMs=5000;tlsRootCerts="
                        + authority.certificate() + ";tlsClientCert=" + client.certificate() + ";tlsClientKey=" + garbage));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("garbage.key"), error.getMessage());
    }

    private String mutualUrl(Pem clientCertificate) {
        return "jdbc:polaroid://" + mutualAddress + ";tls=true;connectTimeoutMs=5000;tlsRootCerts="
                + authority.certificate() + ";tlsClientCert=" + clientCertificate.certificate()
                + ";tlsClientKey=" + clientCertificate.privateKey();
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM intTable")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
