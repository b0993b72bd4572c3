package io.polaroid.ecosystem;

import io.polaroid.jdbc.TestData;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The two places the ecosystem tests connect to, each with datasets {@code trades} and {@code symbols}
 * ({@link TestData}) registered: an embedded catalog in this JVM, and a real {@link PolaroidFlightServer} on
 * 127.0.0.1 and a free port (remote mode). Both are created once per JVM; the server stops with the JVM.
 */
final class Targets {
    private static String embedded;
    private static PolaroidFlightServer server;

    private Targets() {
    }

    /** The JDBC URLs of both targets, for {@code @MethodSource}. */
    static Stream<String> urls() {
        return Stream.of(embeddedUrl(), serverUrl());
    }

    static synchronized String embeddedUrl() {
        if (embedded == null) {
            embedded = "jdbc:polaroid:embedded:" + tempDirectory("polaroid-ecosystem-embedded");
            register(embedded);
        }
        return embedded;
    }

    static synchronized String serverUrl() {
        if (server == null) {
            ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0)
                    .catalogDirectory(tempDirectory("polaroid-ecosystem-server")).build();
            server = PolaroidFlightServer.builder(config).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "polaroid-ecosystem-server-stop"));
            register(server.jdbcUrl());
        }
        return server.jdbcUrl();
    }

    private static void register(String url) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String name : new String[] {"trades", "symbols"}) {
                statement.execute("CREATE DATASET " + name + " FROM '" + TestData.file(name) + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register the test datasets at " + url, e);
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
