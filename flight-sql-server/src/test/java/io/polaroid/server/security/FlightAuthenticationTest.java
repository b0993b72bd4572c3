package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.auth2.BearerCredentialWriter;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password and token authentication over a real gRPC connection, good and bad credentials. */
class FlightAuthenticationTest {
    private static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
    private static final String READER_TOKEN = "reader-token-0123456789abcdef";
    private static final String ENV_TOKEN = "env-token-0123456789abcdef";

    @TempDir
    static Path directory;

    private static BufferAllocator allocator;
    private static TestFlightServer server;
    private static FlightClient client;

    @BeforeAll
    static void start() throws Exception {
        Path users = directory.resolve("users");
        // Few iterations: the test checks the protocol, not the cost of the hash.
        Files.writeString(users, "# test users\n"
                + "alice:admin:" + PasswordHash.create("wonderland".toCharArray(), 1000).encoded() + "\n"
                + "bob:read_only:" + PasswordHash.create("builder".toCharArray(), 1000).encoded() + "\n");
        Path tokens = directory.resolve("tokens");
        Files.writeString(tokens, "ci:admin:" + ADMIN_TOKEN + "\ndashboard:read_only:" + READER_TOKEN + "\n");
        SecuritySettings settings = new SecuritySettings(Set.of(AuthMode.BASIC, AuthMode.TOKEN), Optional.of(users),
                Optional.of(tokens), Optional.of("POLAROID_TOKEN"), Optional.empty());
        ServerSecurity security = ServerSecurity.create(settings, "127.0.0.1", Map.of("POLAROID_TOKEN", ENV_TOKEN)::get);
        server = new TestFlightServer(security.flightCustomizer(), false);
        allocator = new RootAllocator();
        client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port())).build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        allocator.close();
        server.close();
    }

    private static String whoami(CallOption... options) {
        Iterator<Result> results = client.doAction(new Action(TestFlightServer.WHOAMI), options);
        return new String(results.next().getBody(), StandardCharsets.UTF_8);
    }

    private static CallOption bearer(String token) {
        return new CredentialCallOption(new BearerCredentialWriter(token));
    }

    private static FlightRuntimeException unauthenticated(Runnable call) {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, call::run);
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code(), e.getMessage());
        // What a remote client makes of it: 28000.
        assertEquals(ErrorCode.INVALID_AUTHORIZATION, RemoteErrors.fromStatusCodeName(e.status().code().name()));
        return e;
    }

    @Test
    void passwordLoginIssuesABearerTokenThatIdentifiesTheUser() {
        CredentialCallOption session = client.authenticateBasicToken("alice", "wonderland").orElseThrow();
        assertEquals("alice", whoami(session));
        assertEquals("alice", whoami(session));  // the session token alone, no password again
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        FlightRuntimeException e = unauthenticated(() -> client.authenticateBasicToken("alice", "looking-glass"));
        assertTrue(e.getMessage().contains("invalid user name or password"), e.getMessage());
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        FlightRuntimeException e = unauthenticated(() -> client.authenticateBasicToken("mallory", "wonderland"));
        assertTrue(e.getMessage().contains("invalid user name or password"), e.getMessage());
    }

    @Test
    void missingCredentialsAreUnauthenticated() {
        FlightRuntimeException e = unauthenticated(() -> whoami());
        assertTrue(e.getMessage().contains("missing credentials"), e.getMessage());
    }

    @Test
    void staticTokensFromFileAndEnvironmentIdentifyTheirPrincipals() {
        assertEquals("ci", whoami(bearer(ADMIN_TOKEN)));
        assertEquals("dashboard", whoami(bearer(READER_TOKEN)));
        assertEquals("POLAROID_TOKEN", whoami(bearer(ENV_TOKEN)));
    }

    @Test
    void wrongOrForgedTokensAreUnauthenticated() {
        FlightRuntimeException e = unauthenticated(() -> whoami(bearer(ADMIN_TOKEN + "x")));
        assertTrue(e.getMessage().contains("invalid or expired token"), e.getMessage());
        unauthenticated(() -> whoami(bearer(ADMIN_TOKEN.substring(0, ADMIN_TOKEN.length() - 1))));
        unauthenticated(() -> whoami(bearer("")));
    }

    @Test
    void tokenOnlyServerRefusesPasswords() throws Exception {
        Path tokens = directory.resolve("only-tokens");
        Files.writeString(tokens, "ci:admin:" + ADMIN_TOKEN + "\n");
        SecuritySettings settings = new SecuritySettings(Set.of(AuthMode.TOKEN), Optional.empty(), Optional.of(tokens),
                Optional.empty(), Optional.empty());
        try (TestFlightServer tokenServer = new TestFlightServer(
                ServerSecurity.create(settings, "127.0.0.1", name -> null).flightCustomizer(), false);
             FlightClient tokenClient = FlightClient.builder(allocator,
                     Location.forGrpcInsecure("127.0.0.1", tokenServer.port())).build()) {
            FlightRuntimeException e = unauthenticated(() -> tokenClient.authenticateBasicToken("alice", "wonderland"));
            assertTrue(e.getMessage().contains("API tokens only"), e.getMessage());
            Iterator<Result> results = tokenClient.doAction(new Action(TestFlightServer.WHOAMI), bearer(ADMIN_TOKEN));
            assertEquals("ci", new String(results.next().getBody(), StandardCharsets.UTF_8));
            FlightRuntimeException missing = unauthenticated(
                    () -> tokenClient.doAction(new Action(TestFlightServer.WHOAMI)).next());
            assertTrue(missing.getMessage().contains("an API token"), missing.getMessage());
        }
    }
}
