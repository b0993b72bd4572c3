package io.polaroid.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.jdbc.ModeFixture;
import io.polaroid.jdbc.TestData;
import io.polaroid.jdbc.remote.RemoteMemory;
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

/**
 * The remote mode against Polaroid's own Flight SQL server: one server per JVM on 127.0.0.1 and a free
 * port, over a catalog directory of its own, with the {@link TestData} datasets registered through the
 * driver itself (so DDL over Flight SQL is exercised on the way). The server stops when the JVM does.
 *
 * <p>After each contract test, {@link #assertNothingHeld()} checks that the closed connections gave
 * back every byte of the driver's Arrow memory.
 */
final class RemoteFixture implements ModeFixture {
    private static RemoteFixture shared;

    private final PolaroidFlightServer server;

    private RemoteFixture(PolaroidFlightServer server) throws SQLException {
        this.server = server;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String name : new String[] {"types", "trades", "symbols", "big"}) {
                statement.execute("CREATE DATASET " + name + " FROM '" + TestData.file(name)
                        + "' WITH (cache = 'none')");
            }
        }
    }

    static synchronized RemoteFixture shared() {
        if (shared == null) {
            PolaroidFlightServer server = startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "polaroid-test-server-stop"));
            try {
                shared = new RemoteFixture(server);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot register the test datasets on the server at "
                        + server.jdbcUrl(), e);
            }
        }
        return shared;
    }

    /** A server on a fresh catalog directory, 127.0.0.1, a free port; the caller closes it. */
    static PolaroidFlightServer startServer() {
        return startServer(ServerConfig.builder());
    }

    /** A server as {@code config} says, on a fresh catalog directory, 127.0.0.1, a free port. */
    static PolaroidFlightServer startServer(ServerConfig.Builder config) {
        try {
            Path catalog = Files.createTempDirectory("polaroid-remote-catalog");
            return PolaroidFlightServer.builder(config.host("127.0.0.1").port(0).catalogDirectory(catalog).build())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public String url() {
        return server.jdbcUrl();
    }

    @Override
    public void assertNothingHeld() {
        assertEquals(0, RemoteMemory.allocatedBytes(), "Arrow memory of closed remote connections");
        assertEquals(0, RemoteMemory.openAllocators(), "allocators of closed remote connections");
    }
}
