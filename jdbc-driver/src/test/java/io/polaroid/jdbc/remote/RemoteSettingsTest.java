package io.polaroid.jdbc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.PolaroidDriver;
import io.polaroid.jdbc.config.ConnectionUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a remote URL and its properties, before anything touches the network. */
class RemoteSettingsTest {

    private static RemoteSettings settings(String url) throws SQLException {
        return settings(url, new Properties());
    }

    private static RemoteSettings settings(String url, Properties info) throws SQLException {
        return RemoteSettings.from(ConnectionUrl.parse(url, info));
    }

    @Test
    void addressesInEveryForm() throws SQLException {
        assertEquals(new RemoteAddress("db.example.com", 50051), settings("jdbc:polaroid://db.example.com").address());
        assertEquals(new RemoteAddress("localhost", 9000), settings("jdbc:polaroid://localhost:9000/").address());
        assertEquals(new RemoteAddress("10.0.0.5", 31337), settings("jdbc:polaroid:flight://10.0.0.5:31337").address());
        assertEquals(new RemoteAddress("::1", 50051), settings("jdbc:polaroid://[::1]:50051").address());
        assertEquals("[::1]:50051", settings("jdbc:polaroid://[::1]:50051").address().toString());
        assertEquals(new RemoteAddress("host", 7), settings("jdbc:polaroid:remote:host:7").address());
    }

    @Test
    void badAddressesAre08001() {
        for (String url : new String[] {"jdbc:polaroid://", "jdbc:polaroid://host:0", "jdbc:polaroid://host:http",
                "jdbc:polaroid://::1:50051", "jdbc:polaroid://[::1", "jdbc:polaroid://host/path"}) {
            SQLException error = assertThrows(SQLException.class, () -> settings(url), url);
            assertEquals("08001", error.getSQLState(), url);
        }
    }

    @Test
    void propertiesComeFromTheQueryTheSuffixOrProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("connectTimeoutMs", "1500");
        info.setProperty("user", "from-properties");
        RemoteSettings settings = settings("jdbc:polaroid://h:1?user=bob&password=p%26ss;tls=true", info);
        assertEquals(Duration.ofMillis(1500), settings.connectTimeout());
        Credentials.Basic basic = assertInstanceOf(Credentials.Basic.class, settings.credentials());
        assertEquals("bob", basic.user());
        assertEquals("p&ss", basic.password());
        assertTrue(settings.tls());
        assertTrue(settings.verifyServer());
        assertFalse(settings.toString().contains("p&ss"), "no password in " + settings);
    }

    @Test
    void aTokenIsABearerCredential() throws SQLException {
        Credentials credentials = settings("jdbc:polaroid://h:1;token=abc").credentials();
        assertEquals("abc", assertInstanceOf(Credentials.Token.class, credentials).token());
        assertFalse(credentials.toString().contains("abc"));
        assertInstanceOf(Credentials.None.class, settings("jdbc:polaroid://h:1").credentials());
    }

    @Test
    void tlsOptionsWithoutTlsAreRefused() {
        assertEquals("08001", assertThrows(SQLException.class,
                () -> settings("jdbc:polaroid://h:1;tlsRootCerts=/etc/hosts")).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> settings("jdbc:polaroid://h:1;tls=true;tlsRootCerts=/no/such/ca.pem")).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> settings("jdbc:polaroid://h:1;tlsClientCert=/etc/hosts;tlsClientKey=/etc/hosts")).getSQLState());
    }

    @Test
    void aClientCertificateNeedsItsKey(@TempDir Path directory)
            throws Exception {
        Path certificate = Files.writeString(directory.resolve("client.crt"), "x");
        Path key = Files.writeString(directory.resolve("client.key"), "x");
        SQLException alone = assertThrows(SQLException.class,
                () -> settings("jdbc:polaroid://h:1;tls=true;tlsClientCert=" + certificate));
        assertEquals("08001", alone.getSQLState());
        assertTrue(alone.getMessage().contains("tlsClientKey"), alone.getMessage());
        SQLException missing = assertThrows(SQLException.class,
                () -> settings("jdbc:polaroid://h:1;tls=true;tlsClientCert=" + certificate + ";tlsClientKey=/no/such.key"));
        assertTrue(missing.getMessage().contains("/no/such.key"), missing.getMessage());
        RemoteSettings both = settings("jdbc:polaroid://h:1;tls=true;tlsClientCert=" + certificate + ";tlsClientKey=" + key);
        assertEquals(key, both.clientIdentity().orElseThrow().privateKey());
    }

    @Test
    void getPropertyInfoListsEveryRemoteProperty() throws SQLException {
        DriverPropertyInfo[] infos = new PolaroidDriver().getPropertyInfo("jdbc:polaroid://h:1", new Properties());
        Set<String> names = Arrays.stream(infos).map(info -> info.name).collect(Collectors.toSet());
        for (String name : new String[] {"user", "password", "token", "tls", "tlsRootCerts",
                "tlsClientCert", "tlsClientKey", "disableCertificateVerification", "connectTimeoutMs"}) {
            assertTrue(names.contains(name), name + " in " + names);
        }
    }
}
