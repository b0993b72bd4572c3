package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** {@code tls}, {@code tlsRootCerts} and {@code disableCertificateVerification} against a TLS server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private ExampleServer server;
    private TestCertificate certificate;
    private String address;

    @BeforeAll
    void startTlsServer(@TempDir Path directory) throws Exception {
        certificate = TestCertificate.create(directory);
        File chain = certificate.certificate().toFile();
        File key = certificate.privateKey().toFile();
        server = ExampleServer.start(builder -> {
            try {
                builder.useTls(chain, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        address = "127.0.0.1:" + server.port();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aTrustedCertificateConnects() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:polaroid://" + address + "?tls=true&tlsRootCerts="
                + certificate.certificate())) {
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

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM intTable")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
