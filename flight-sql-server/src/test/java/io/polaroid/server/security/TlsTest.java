package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS on 127.0.0.1 with certificates made for the test. */
class TlsTest {
    @TempDir
    static Path directory;

    private static TestCertificates.Pem ca;
    private static TestCertificates.Pem serverCert;
    private static TestCertificates.Pem clientCert;
    private static TestCertificates.Pem strangerCert;
    private static BufferAllocator allocator;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.authority(directory, "test-ca");
        serverCert = TestCertificates.signedBy(ca, directory, "server");
        clientCert = TestCertificates.signedBy(ca, directory, "client");
        TestCertificates.Pem otherCa = TestCertificates.authority(directory, "other-ca");
        strangerCert = TestCertificates.signedBy(otherCa, directory, "stranger");
        allocator = new RootAllocator();
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    private static TestFlightServer tlsServer(Optional<Path> clientCa) throws Exception {
        TlsSettings tls = new TlsSettings(serverCert.certificate(), serverCert.privateKey(), clientCa);
        return new TestFlightServer(tls::apply, true);
    }

    private static FlightClient.Builder client(int port) throws Exception {
        return FlightClient.builder(allocator, Location.forGrpcTls("127.0.0.1", port))
                .trustedCertificates(pem(ca.certificate()));
    }

    private static InputStream pem(Path file) throws java.io.IOException {
        return new ByteArrayInputStream(Files.readAllBytes(file));
    }

    private static String whoami(FlightClient client) {
        Iterator<Result> results = client.doAction(new Action(TestFlightServer.WHOAMI));
        return new String(results.next().getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void clientTrustingTheCaConnects() throws Exception {
        try (TestFlightServer server = tlsServer(Optional.empty());
             FlightClient client = client(server.port()).build()) {
            assertEquals("", whoami(client));  // no authentication configured: empty identity
        }
    }

    @Test
    void plaintextClientCannotTalkToATlsServer() throws Exception {
        try (TestFlightServer server = tlsServer(Optional.empty());
             FlightClient client = FlightClient.builder(allocator,
                     Location.forGrpcInsecure("127.0.0.1", server.port())).build()) {
            assertThrows(FlightRuntimeException.class, () -> whoami(client));
        }
    }

    @Test
    void mutualTlsRequiresAClientCertificateFromTheCa() throws Exception {
        try (TestFlightServer server = tlsServer(Optional.of(ca.certificate()))) {
            try (FlightClient anonymous = client(server.port()).build()) {
                assertThrows(FlightRuntimeException.class, () -> whoami(anonymous));
            }
            try (FlightClient stranger = client(server.port())
                    .clientCertificate(pem(strangerCert.certificate()), pem(strangerCert.privateKey())).build()) {
                assertThrows(FlightRuntimeException.class, () -> whoami(stranger));
            }
            try (FlightClient trusted = client(server.port())
                    .clientCertificate(pem(clientCert.certificate()), pem(clientCert.privateKey())).build()) {
                assertEquals("", whoami(trusted));
            }
        }
    }

    @Test
    void missingCertificateFileIsRejectedAtStart() {
        io.polaroid.error.PolaroidException e = assertThrows(io.polaroid.error.PolaroidException.class,
                () -> new TlsSettings(directory.resolve("nope.crt"), serverCert.privateKey(), Optional.empty()));
        assertEquals("22023", e.sqlState());
    }
}
