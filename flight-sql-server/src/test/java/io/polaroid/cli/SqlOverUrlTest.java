package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sql --url}: the command line as a client of a running server, and of a server that is not there. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SqlOverUrlTest {
    @TempDir
    Path home;

    @Test
    void runsStatementsOnARunningServer() {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0)
                .catalogDirectory(home.resolve("server-catalog")).build();
        try (PolaroidFlightServer server = PolaroidFlightServer.builder(config).start()) {
            CliRun create = CliRun.run(home, "sql", "--url", server.jdbcUrl(), "CREATE SCHEMA remote_made");
            assertEquals(0, create.exitCode(), create::toString);

            CliRun query = CliRun.run(home, "sql", "--url", server.jdbcUrl(), "--format", "csv",
                    "SELECT name, n * 2 AS twice FROM (VALUES ('x', 21)) AS t(name, n)");
            assertEquals(0, query.exitCode(), query::toString);
            assertEquals("name,twice\nx,42\n", query.out());

            // the schema made by the first process is there for the next one, and the server's error comes back
            CliRun drop = CliRun.run(home, "sql", "--url", server.jdbcUrl(), "DROP SCHEMA remote_made");
            assertEquals(0, drop.exitCode(), drop::toString);
            CliRun dropAgain = CliRun.run(home, "sql", "--url", server.jdbcUrl(), "DROP SCHEMA remote_made");
            assertEquals(1, dropAgain.exitCode(), dropAgain::toString);
            assertTrue(dropAgain.err().contains("3F000") && dropAgain.err().contains("remote_made"), dropAgain::toString);
        }
    }

    @Test
    void anUnreachableServerIsAConnectionErrorNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.run(home, "sql", "--url", "jdbc:polaroid://127.0.0.1:" + port + ";connectTimeoutMs=2000",
                "SELECT 1");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("08001") && run.err().contains("127.0.0.1:" + port), run::toString);
    }
}
