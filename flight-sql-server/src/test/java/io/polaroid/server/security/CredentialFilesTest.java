package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file and the token file: what they accept and how they refuse bad entries. */
class CredentialFilesTest {
    @TempDir
    Path directory;

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "credentials", ""), content);
    }

    private static String hash(String password) {
        return PasswordHash.create(password.toCharArray(), 1000).encoded();
    }

    private static void rejected(Runnable load, String... fragments) {
        PolaroidException e = assertThrows(PolaroidException.class, load::run);
        assertEquals("22023", e.sqlState());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    @Test
    void usersFileAuthenticatesByPasswordAndKeepsRoles() throws IOException {
        UserDirectory users = UserDirectory.load(file("\n# comment\nalice:admin:" + hash("a") + "\n  bob : read_only : "
                + hash("b") + "\n"));
        assertEquals(Optional.of(new Principal("alice", Role.ADMIN)), users.authenticate("alice", "a".toCharArray()));
        assertEquals(Optional.of(new Principal("bob", Role.READ_ONLY)), users.authenticate("bob", "b".toCharArray()));
        assertEquals(Optional.empty(), users.authenticate("bob", "a".toCharArray()));
        assertEquals(Optional.empty(), users.authenticate("carol", "a".toCharArray()));
    }

    @Test
    void usersFileRejectsPlainPasswordsUnknownRolesDuplicatesAndEmptiness() throws IOException {
        Path plain = file("alice:admin:secret\n");
        rejected(() -> UserDirectory.load(plain), plain + ":1", "plain-text passwords are not accepted");
        Path role = file("alice:superuser:" + hash("a") + "\n");
        rejected(() -> UserDirectory.load(role), "unknown role 'superuser'");
        Path twice = file("alice:admin:" + hash("a") + "\nalice:read_only:" + hash("b") + "\n");
        rejected(() -> UserDirectory.load(twice), twice + ":2", "defined twice");
        Path fields = file("alice " + hash("a") + "\n");
        rejected(() -> UserDirectory.load(fields), "expected name:role:secret");
        Path empty = file("# nobody\n");
        rejected(() -> UserDirectory.load(empty), "defines no user");
        rejected(() -> UserDirectory.load(directory.resolve("missing")), "cannot read users file");
    }

    @Test
    void tokensMayContainColonsAndAreFoundByValue() throws IOException {
        ApiTokens tokens = ApiTokens.builder().file(file("ci:admin:abc:def:0123456789012345\n")).build();
        assertEquals(Optional.of(new Principal("ci", Role.ADMIN)), tokens.authenticate("abc:def:0123456789012345"));
        assertEquals(Optional.empty(), tokens.authenticate("abc:def"));
    }

    @Test
    void weakDuplicateOrMissingTokensAreRejected() throws IOException {
        Path weak = file("ci:admin:short\n");
        rejected(() -> ApiTokens.builder().file(weak), "shorter than 16");
        Path same = file("a:admin:0123456789abcdef0\nb:read_only:0123456789abcdef0\n");
        rejected(() -> ApiTokens.builder().file(same), "same as the token of 'a'");
        rejected(() -> ApiTokens.builder().environment("POLAROID_TOKEN", null), "POLAROID_TOKEN", "not set");
        rejected(() -> ApiTokens.builder().environment("POLAROID_TOKEN", "  "), "not set or empty");
    }

    @Test
    void environmentTokenIsAnAdminNamedAfterTheVariable() {
        ApiTokens tokens = ApiTokens.builder().environment("POLAROID_TOKEN", "0123456789abcdef-env").build();
        assertEquals(List.of(new Principal("POLAROID_TOKEN", Role.ADMIN)), tokens.principals());
    }
}
