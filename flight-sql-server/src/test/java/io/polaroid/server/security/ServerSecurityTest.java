package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Authorizer;
import io.polaroid.server.hooks.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which option combinations start a server, and the messages of those that must not. */
class ServerSecurityTest {
    private static final String TOKEN = "0123456789abcdef-token";

    @TempDir
    Path directory;

    private static SecuritySettings settings(Set<AuthMode> modes, Optional<Path> users, Optional<Path> tokens,
                                             Optional<String> variable) {
        return new SecuritySettings(modes, users, tokens, variable, Optional.empty());
    }

    private static PolaroidException refused(SecuritySettings settings, String host, String fragment) {
        PolaroidException e = assertThrows(PolaroidException.class,
                () -> ServerSecurity.create(settings, host, name -> TOKEN));
        assertEquals("22023", e.sqlState());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }

    private Path usersFile() throws IOException {
        return Files.writeString(directory.resolve("users"),
                "alice:admin:" + PasswordHash.create("a".toCharArray(), 1000).encoded() + "\n");
    }

    @Test
    void noAuthenticationIsAllowedOnLoopbackOnly() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            ServerSecurity security = ServerSecurity.create(SecuritySettings.none(), host, name -> null);
            assertFalse(security.authenticates());
            assertSame(Authorizer.ALLOW_ALL, security.authorizer());
        }
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
            PolaroidException e = refused(SecuritySettings.none(), host, "refusing to start without authentication");
            assertTrue(e.getMessage().contains("'" + host + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("--auth basic"), e.getMessage());
        }
    }

    @Test
    void unresolvableHostIsNotTakenForLoopback() {
        refused(SecuritySettings.none(), "no-such-host.invalid", "not a loopback address");
    }

    @Test
    void authenticationOnAnyAddress() throws IOException {
        ServerSecurity security = ServerSecurity.create(settings(Set.of(AuthMode.BASIC), Optional.of(usersFile()),
                Optional.empty(), Optional.empty()), "0.0.0.0", name -> null);
        assertTrue(security.authenticates());
        assertEquals("auth=basic tls=off", security.summary());
        security.authorizer().check("alice", Operation.COMMAND, "DROP DATASET t");
    }

    @Test
    void modeWithoutCredentialsAndCredentialsWithoutModeAreRefused() throws IOException {
        refused(settings(Set.of(AuthMode.BASIC), Optional.empty(), Optional.empty(), Optional.empty()), "0.0.0.0",
                "--auth basic needs --users FILE");
        refused(settings(Set.of(AuthMode.TOKEN), Optional.empty(), Optional.empty(), Optional.empty()), "0.0.0.0",
                "--auth token needs --token-file FILE and/or --token-env NAME");
        refused(settings(Set.of(AuthMode.TOKEN), Optional.of(usersFile()), Optional.empty(), Optional.of("T")), "0.0.0.0",
                "--users is only used with --auth basic");
        refused(settings(Set.of(AuthMode.BASIC), Optional.of(usersFile()), Optional.empty(), Optional.of("T")), "0.0.0.0",
                "only used with --auth token");
        refused(settings(Set.of(AuthMode.NONE), Optional.of(usersFile()), Optional.empty(), Optional.empty()), "127.0.0.1",
                "--auth none ignores");
        refused(settings(Set.of(AuthMode.NONE, AuthMode.TOKEN), Optional.empty(), Optional.empty(), Optional.of("T")),
                "127.0.0.1", "cannot be combined");
    }

    @Test
    void unsetTokenVariableStopsStartUp() {
        PolaroidException e = assertThrows(PolaroidException.class, () -> ServerSecurity.create(
                settings(Set.of(AuthMode.TOKEN), Optional.empty(), Optional.empty(), Optional.of("POLAROID_TOKEN")),
                "0.0.0.0", name -> null));
        assertTrue(e.getMessage().contains("POLAROID_TOKEN"), e.getMessage());
    }

    @Test
    void modesAreImpliedByTheCredentialsGiven() throws IOException {
        ServerSecurity both = ServerSecurity.create(settings(Set.of(), Optional.of(usersFile()), Optional.empty(),
                Optional.of("POLAROID_TOKEN")), "0.0.0.0", name -> TOKEN);
        assertEquals("auth=basic+token tls=off", both.summary());
        both.authorizer().check("POLAROID_TOKEN", Operation.INGEST, "ingest");
        assertEquals("auth=none tls=off", ServerSecurity.create(settings(Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty()), "127.0.0.1", name -> null).summary());
    }

    @Test
    void authModeNamesParse() {
        assertEquals(AuthMode.BASIC, AuthMode.parse(" Basic "));
        PolaroidException e = assertThrows(PolaroidException.class, () -> AuthMode.parse("kerberos"));
        assertTrue(e.getMessage().contains("'kerberos'"), e.getMessage());
    }
}
