package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.polaroid.catalog.DatasetName;
import io.polaroid.server.DatasetBinding;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.ops.OperationsSettings;
import io.polaroid.server.ops.ServerOperations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server with security and operations on, driven by real clients (Polaroid's remote JDBC driver,
 * arrow-java's FlightSqlClient, grpc-java's health client, an HTTP scrape): the bad paths of issue 3 —
 * wrong password, missing credentials, a read-only user writing, paths outside the data root, the query cap.
 */
class SecuredServerTest {
    private static final String ENV_TOKEN = "env-token-0123456789abcdef";

    @TempDir
    static Path directory;

    private static Path root;
    private static Path outside;
    private static ServerOperations operations;
    private static PolaroidFlightServer server;
    private static BufferAllocator clientAllocator;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(directory.resolve("root"));
        outside = Files.createDirectories(directory.resolve("outside"));
        writeParquet(root.resolve("numbers.parquet"), 1000);
        writeParquet(outside.resolve("secret.parquet"), 10);
        Files.createSymbolicLink(root.resolve("leak.parquet"), outside.resolve("secret.parquet"));
        Files.createSymbolicLink(root.resolve("escape"), outside);

        Path users = Files.writeString(directory.resolve("users"),
                "alice:admin:" + PasswordHash.create("wonderland".toCharArray(), 1000).encoded() + "\n"
                        + "bob:read_only:" + PasswordHash.create("builder".toCharArray(), 1000).encoded() + "\n");
        ServerSecurity security = ServerSecurity.create(new SecuritySettings(Set.of(AuthMode.BASIC, AuthMode.TOKEN),
                Optional.of(users), Optional.empty(), Optional.of("POLAROID_TOKEN"), Optional.empty()),
                "127.0.0.1", Map.of("POLAROID_TOKEN", ENV_TOKEN)::get);
        operations = new ServerOperations(new OperationsSettings(1, Duration.ofMillis(50), OptionalInt.of(0)), "127.0.0.1");

        // a fresh catalog: the server creates its ingest directory, which is a data root too
        Path catalog = directory.resolve("catalog");
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).catalogDirectory(catalog)
                .dataRoot(root)
                .dataset(new DatasetBinding(DatasetName.of("numbers"), root.resolve("numbers.parquet").toString()))
                .shutdownGrace(Duration.ofSeconds(2)).build();
        server = PolaroidFlightServer.builder(config)
                .authorizer(security.authorizer()).admission(operations.admission()).listener(operations.listener())
                .flightCustomizer(security.flightCustomizer()).flightCustomizer(operations.flightCustomizer())
                .start();
        operations.started(server.engine().rootAllocator());
        clientAllocator = new RootAllocator();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            operations.stopping();
            server.close();
            operations.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
    }

    private static void writeParquet(Path file, int rows) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT range AS id FROM range(" + rows + ")) TO '" + file + "' (FORMAT parquet)");
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static SQLException fails(Connection connection, String sql, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                if (statement.getResultSet() != null) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            // drain: a failure may come with the first batch
                        }
                    }
                }
            }
        });
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        return e;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void wrongPasswordAndMissingCredentialsAre28000() {
        SQLException wrong = assertThrows(SQLException.class, () -> connect("alice", "looking-glass").close());
        assertEquals("28000", wrong.getSQLState(), wrong.getMessage());
        SQLException missing = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl()).createStatement().executeQuery("SELECT 1"));
        assertEquals("28000", missing.getSQLState(), missing.getMessage());
    }

    @Test
    void environmentTokenIsAnAdmin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("token", ENV_TOKEN);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties)) {
            assertEquals(1000, count(connection, "SELECT count(*) FROM numbers"));
        }
    }

    @Test
    void readOnlyUserQueriesButCannotCreateDropRefreshOrIngest() throws Exception {
        try (Connection bob = connect("bob", "builder")) {
            assertEquals(1000, count(bob, "SELECT count(*) FROM numbers"));
            assertTrue(bob.getMetaData().getTables(null, null, "numbers", null).next());
            SQLException create = fails(bob, "CREATE DATASET more FROM '" + root.resolve("numbers.parquet") + "'", "42501");
            assertTrue(create.getMessage().contains("'bob' has role read_only"), create.getMessage());
            fails(bob, "DROP DATASET numbers", "42501");
            fails(bob, "REFRESH DATASET numbers", "42501");
            assertEquals(1000, count(bob, "SELECT count(*) FROM numbers"));  // nothing was dropped
            // switching the session's schema changes nothing shared: a reader may
            try (Statement statement = bob.createStatement()) {
                statement.execute("USE main");
                statement.execute("SET SCHEMA main");
            }
            fails(bob, "CREATE SCHEMA mine", "42501");
        }
        try (FlightClient flight = FlightClient.builder(clientAllocator, server.location()).build();
             FlightSqlClient sql = new FlightSqlClient(flight);
             VectorSchemaRoot rows = VectorSchemaRoot.of(new BigIntVector("id", clientAllocator))) {
            CredentialCallOption bob = flight.authenticateBasicToken("bob", "builder").orElseThrow();
            ((BigIntVector) rows.getVector(0)).setSafe(0, 42);
            rows.setRowCount(1);
            TableDefinitionOptions create = TableDefinitionOptions.newBuilder()
                    .setIfNotExist(TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE)
                    .setIfExists(TableExistsOption.TABLE_EXISTS_OPTION_FAIL).build();
            FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> sql.executeIngest(rows,
                    new FlightSqlClient.ExecuteIngestOptions("uploaded", create, null, null, Map.of()), bob));
            assertEquals(FlightStatusCode.UNAUTHORIZED, e.status().code(), e.getMessage());
        }
    }

    @Test
    void adminCannotReachFilesOutsideTheDataRoot() throws SQLException {
        try (Connection alice = connect("alice", "wonderland")) {
            String secret = outside.resolve("secret.parquet").toString();
            SQLException direct = fails(alice, "CREATE DATASET stolen FROM '" + secret + "'", "42501");
            assertTrue(direct.getMessage().contains(secret), direct.getMessage());
            assertTrue(direct.getMessage().contains("allowed data roots"), direct.getMessage());
            fails(alice, "CREATE DATASET stolen FROM '" + root + "/../outside/secret.parquet'", "42501");
            fails(alice, "CREATE DATASET stolen FROM '" + root.resolve("leak.parquet") + "'", "42501");
            fails(alice, "CREATE DATASET stolen FROM '" + root.resolve("escape") + "'", "42501");
            fails(alice, "CREATE DATASET stolen FROM '" + root + "'", "42501");  // the walk finds the links
            fails(alice, "CREATE DATASET stolen FROM '" + outside + "/*.parquet'", "42501");
            fails(alice, "SELECT count(*) FROM read_parquet('" + secret + "')", "42501");
            fails(alice, "SELECT count(*) FROM read_parquet('" + root.resolve("leak.parquet") + "')", "42501");
            // Inside the root everything works.
            assertEquals(1000, count(alice, "SELECT count(*) FROM read_parquet('" + root.resolve("numbers.parquet") + "')"));
        }
    }

    @Test
    void queryOverTheCapFailsWith53300() throws SQLException {
        try (Connection alice = connect("alice", "wonderland")) {
            try (QueryAdmission.Permit busy = operations.admission().admit("someone", "a long query")) {
                SQLException e = fails(alice, "SELECT count(*) FROM numbers", "53300");
                assertTrue(e.getMessage().contains("--max-concurrent-queries 1"), e.getMessage());
            }
            assertEquals(1000, count(alice, "SELECT count(*) FROM numbers"));
        }
    }

    @Test
    void healthIsServingAndMetricsCountStatements() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        try {
            assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus());
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        try (Connection alice = connect("alice", "wonderland")) {
            count(alice, "SELECT count(*) FROM numbers");
            fails(alice, "SELECT * FROM no_such_dataset", "42P01");
        }
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + operations.metricsPort().orElseThrow() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(body.lines().anyMatch(line -> line.startsWith("polaroid_queries_total{operation=\"query\",outcome=\"succeeded\"}")),
                body);
        List<String> memory = body.lines().filter(line -> line.startsWith("polaroid_memory_allocated_bytes ")).toList();
        assertEquals(1, memory.size(), body);
        assertTrue(Double.parseDouble(memory.get(0).split(" ")[1]) >= 0, body);
    }
}
