package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.StandardError;
import io.polaroid.server.security.TestCertificates;
import io.polaroid.server.security.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's single jar ({@code polaroid-jdbc-<version>-all.jar}) as users load it: in a class loader of its
 * own whose parent is the platform loader, so none of this module's classes (engine, Calcite, Arrow, gRPC on the
 * test class path) can stand in for a class missing from the jar. Every mode connects and queries: embedded,
 * arrow (over a Parquet file) and remote (over this JVM's Flight SQL server, which runs on the ordinary class
 * path). A second loader puts the jar after older Guava, Jackson, protobuf and Netty, as an application's class
 * path would, and the driver must still work while the application's versions stay the ones it sees.
 *
 * <p>An integration test (failsafe, {@code mvn verify}): the jar exists only after jdbc-driver's package phase.
 */
class DriverAllJarIT {
    private static final String DRIVER_CLASS = "io.polaroid.jdbc.PolaroidDriver";

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void jarAloneRegistersOnlyPolaroidsDriverAndRelocatesItsLibraries() throws Exception {
        ClassLoader loader = isolated(allJar());
        List<String> drivers = new ArrayList<>();
        ServiceLoader.load(Driver.class, loader).forEach(driver -> drivers.add(driver.getClass().getName()));
        assertEquals(List.of(DRIVER_CLASS), drivers, "java.sql.Driver services of the jar");
        for (String relocated : List.of("io.netty.buffer.ByteBuf", "io.grpc.ManagedChannel",
                "com.google.common.collect.ImmutableList", "com.google.protobuf.Message",
                "com.fasterxml.jackson.databind.ObjectMapper", "org.slf4j.LoggerFactory",
                "org.apache.calcite.rel.RelNode", "org.apache.calcite.avatica.AvaticaConnection",
                "org.apache.calcite.linq4j.Enumerable")) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(relocated), relocated);
        }
        assertEquals(loader, loader.loadClass("io.polaroid.shaded.io.netty.buffer.ByteBuf").getClassLoader());
        // The relocated SLF4J must find exactly one provider, the driver's: two would make it print a warning.
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(loader.loadClass("io.polaroid.shaded.org.slf4j.spi.SLF4JServiceProvider"), loader)
                .forEach(provider -> providers.add(provider.getClass().getName()));
        assertEquals(List.of("io.polaroid.jdbc.logging.ApplicationLoggingProvider"), providers);
    }

    /** Without SLF4J in the application the driver logs nothing, not even SLF4J's "no providers" notice. */
    @Test
    void jarAloneIsSilentWithoutSlf4j() throws Throwable {
        Driver driver = driver(isolated(allJar()));
        String stderr = StandardError.during(() -> assertEquals(42L, single(driver, "jdbc:polaroid:embedded:",
                "SELECT 40 + 2")));
        // other threads of this JVM (the test server) may write to System.err meanwhile: only SLF4J's text counts
        assertFalse(stderr.contains("SLF4J"), stderr);
    }

    /**
     * An application on SLF4J 1.7 with slf4j-simple 1.7, the driver jar AFTER them on its class path: a warning the
     * driver logs (the auto mode falling back from a server that is down) reaches the application's binding, and
     * the application's SLF4J stays its own 1.7.
     */
    @Test
    void jarBesideAnSlf4j17ApplicationLogsThroughItsBinding() throws Throwable {
        Path libraries = conflictingLibrariesDirectory();
        ClassLoader loader = isolated(libraries.resolve("slf4j1-api.jar"), libraries.resolve("slf4j1-simple.jar"),
                allJar());
        Driver driver = driver(loader);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:polaroid:auto:;mode=remote;fallback=arrow;server=127.0.0.1:" + closedPort + ";path="
                + server.directory.resolve("data/numbers.parquet");
        String stderr = StandardError.during(() -> assertEquals(TestServer.NUMBERS,
                single(driver, url, "SELECT COUNT(*) FROM numbers")));
        // slf4j-simple 1.7's format: "[thread] WARN logger.name - message"
        assertTrue(stderr.contains("WARN io.polaroid.jdbc.auto.AutoMode - jdbc:polaroid:auto: opened the arrow mode"),
                stderr);
        Class<?> loggerFactory = loader.loadClass("org.slf4j.LoggerFactory");
        assertTrue(loggerFactory.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("slf4j1-api.jar"));
        assertFalse(List.of(loggerFactory.getMethods()).stream().anyMatch(m -> m.getName().equals("getProvider")),
                "SLF4J 1.7 has no LoggerFactory.getProvider (2.x has)");
    }

    /**
     * The jar's licenses: Polaroid's own, the merged NOTICE, and THIRD-PARTY.txt naming each bundled artifact's
     * license as its POM declares it; non-Apache license texts shipped by the libraries are kept.
     */
    @Test
    void jarCarriesItsLicensesAndTheThirdPartyList() throws Exception {
        try (JarFile jar = new JarFile(allJar().toFile())) {
            String license = entry(jar, "META-INF/LICENSE");
            assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004"), license);
            String notice = entry(jar, "META-INF/NOTICE");
            assertTrue(notice.contains("Apache Calcite") && notice.contains("Jackson"), notice);
            String thirdParty = entry(jar, "META-INF/THIRD-PARTY.txt");
            assertListed(thirdParty, "com.google.protobuf:protobuf-java:", "BSD-3-Clause");
            assertListed(thirdParty, "org.codehaus.janino:janino:", "BSD-3-Clause");
            assertListed(thirdParty, "org.slf4j:slf4j-api:", "MIT");
            assertListed(thirdParty, "io.grpc:grpc-core:", "Apache-2.0");
            assertFalse(thirdParty.contains("io.polaroid:"), "Polaroid's own modules are not third-party");
            assertFalse(thirdParty.contains("commons-dbcp2"), "left out of the jar, so not listed");
            String shippedTexts = entry(jar, "META-INF/LICENSE.txt");
            assertTrue(shippedTexts.contains("QOS.ch"), "SLF4J's MIT license text");
            assertTrue(shippedTexts.contains("Checker Framework"), "the Checker Framework's MIT license text");
        }
    }

    private static void assertListed(String thirdParty, String artifact, String licenseName) {
        int at = thirdParty.indexOf(artifact);
        assertTrue(at >= 0, () -> artifact + " not listed in THIRD-PARTY.txt");
        int end = thirdParty.indexOf("\n\n", at);
        String section = thirdParty.substring(at, end < 0 ? thirdParty.length() : end);
        assertTrue(section.contains("License: " + licenseName) && section.contains("http"), section);
    }

    private static String entry(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertTrue(entry != null, () -> "no " + name + " in the jar");
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void jarAloneConnectsInEveryMode() throws Exception {
        assertEveryModeQueries(driver(isolated(allJar())));
    }

    /**
     * TLS from the jar runs on the JDK's provider (Netty's OpenSSL cannot load relocated), against a server that
     * requires a client certificate (mutual TLS). This once failed before the handshake started: the jar lacked
     * Netty's unix-common classes, which SslHandler links against.
     */
    @Test
    void jarAloneConnectsOverMutualTls(@TempDir Path certificates) throws Exception {
        TestCertificates.Pem authority = TestCertificates.authority(certificates, "test-ca");
        TestCertificates.Pem serverCertificate = TestCertificates.signedBy(authority, certificates, "server");
        TestCertificates.Pem client = TestCertificates.signedBy(authority, certificates, "client");
        TlsSettings tls = new TlsSettings(serverCertificate.certificate(), serverCertificate.privateKey(),
                Optional.of(authority.certificate()));
        try (TestServer tlsServer = new TestServer(builder -> builder.flightCustomizer(tls::apply))) {
            String url = "jdbc:polaroid://127.0.0.1:" + tlsServer.server.port() + "?tls=true&tlsRootCerts="
                    + authority.certificate() + "&tlsClientCert=" + client.certificate() + "&tlsClientKey="
                    + client.privateKey();
            Driver driver = driver(isolated(allJar()));
            assertEquals(TestServer.NUMBERS, single(driver, url, "SELECT COUNT(*) FROM numbers"));
            SQLException untrusted = assertThrows(SQLException.class, () -> driver.connect("jdbc:polaroid://127.0.0.1:"
                    + tlsServer.server.port() + "?tls=true&connectTimeoutMs=5000", new Properties()).close());
            assertEquals("08001", untrusted.getSQLState(), untrusted.getMessage());
        }
    }

    @Test
    void jarAloneReportsAnUnreachableServerAsCannotConnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Driver driver = driver(isolated(allJar()));
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:polaroid://127.0.0.1:" + closedPort, new Properties()).close());
        assertEquals("08001", e.getSQLState(), e.getMessage());
    }

    @Test
    void jarBesideConflictingLibraryVersionsStillConnects() throws Exception {
        List<Path> classPath = new ArrayList<>(conflictingLibraries());
        classPath.add(allJar());
        ClassLoader loader = isolated(classPath.toArray(Path[]::new));
        assertEveryModeQueries(driver(loader));
        // The application's libraries are still the versions it brought: Guava 16 has no ImmutableList.toImmutableList.
        Class<?> immutableList = loader.loadClass("com.google.common.collect.ImmutableList");
        assertTrue(immutableList.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("guava.jar"));
        assertFalse(List.of(immutableList.getMethods()).stream().anyMatch(m -> m.getName().equals("toImmutableList")));
        Class<?> version = loader.loadClass("com.fasterxml.jackson.databind.cfg.PackageVersion");
        assertEquals("2.17.2", version.getField("VERSION").get(null).toString());
        // ...and its own Calcite and Avatica: the driver's are relocated, so the application's old ones stay its own
        Class<?> avatica = loader.loadClass("org.apache.calcite.avatica.AvaticaConnection");
        assertTrue(avatica.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("avatica-core.jar"));
        Class<?> calcite = loader.loadClass("org.apache.calcite.rel.RelNode");
        assertTrue(calcite.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("calcite-core.jar"));
    }

    private static void assertEveryModeQueries(Driver driver) throws SQLException {
        assertEquals(42L, single(driver, "jdbc:polaroid:embedded:", "SELECT 40 + 2"));
        // NTILE runs in Calcite's own engine: Java source generated and compiled at run time, through the relocation
        assertEquals(4L, single(driver, "jdbc:polaroid:embedded:",
                "SELECT SUM(n) FROM (SELECT NTILE(2) OVER (ORDER BY x) AS n FROM (VALUES (1), (2), (3)) AS t(x)) AS w"));
        Path numbers = server.directory.resolve("data/numbers.parquet");
        assertEquals(TestServer.NUMBERS, single(driver, "jdbc:polaroid:arrow:" + numbers, "SELECT COUNT(*) FROM numbers"));
        assertEquals(TestServer.NUMBERS, single(driver, server.server.jdbcUrl(), "SELECT COUNT(*) FROM numbers"));
    }

    private static long single(Driver driver, String url, String sql) throws SQLException {
        try (Connection connection = driver.connect(url, new Properties());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), url);
            long value = rs.getLong(1);
            assertFalse(rs.next(), url);
            return value;
        }
    }

    private static Driver driver(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> driverClass = Class.forName(DRIVER_CLASS, true, loader);
        assertEquals(loader, driverClass.getClassLoader(), "the driver must come from the jar, not the test class path");
        return assertInstanceOf(Driver.class, driverClass.getDeclaredConstructor().newInstance());
    }

    /**
     * A loader for {@code jars} alone. Never closed: gRPC releases its shared Netty event loops a moment after the
     * last connection closes, on threads that still load classes from this loader.
     */
    private static URLClassLoader isolated(Path... jars) throws MalformedURLException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader("polaroid-driver-test", urls, ClassLoader.getPlatformClassLoader());
    }

    private static Path allJar() {
        Path jar = Path.of(System.getProperty("polaroid.driverAllJar", "(polaroid.driverAllJar not set)"));
        assertTrue(Files.isRegularFile(jar), () -> "no driver jar at " + jar + ": run `mvn verify` from the root");
        return jar;
    }

    private static Path conflictingLibrariesDirectory() {
        return Path.of(System.getProperty("polaroid.conflictingJars", "(polaroid.conflictingJars not set)"));
    }

    private static List<Path> conflictingLibraries() throws IOException {
        Path directory = conflictingLibrariesDirectory();
        List<Path> jars = new ArrayList<>();
        for (String name : List.of("slf4j-api", "slf4j-nop", "guava", "jackson-core", "jackson-databind",
                "jackson-annotations", "protobuf-java", "netty-common", "netty-transport", "calcite-core", "calcite-linq4j",
                "avatica-core")) {
            Path jar = directory.resolve(name + ".jar");
            assertTrue(Files.isRegularFile(jar), () -> "missing " + jar);
            jars.add(jar);
        }
        return jars;
    }
}
