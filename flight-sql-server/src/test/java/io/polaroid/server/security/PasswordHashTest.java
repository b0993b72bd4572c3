package io.polaroid.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.PolaroidException;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void matchesOnlyTheRightPasswordAfterARoundTrip() {
        String stored = PasswordHash.create("correct horse".toCharArray(), 1000).encoded();
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        PasswordHash hash = PasswordHash.parse(stored, "test");
        assertTrue(hash.matches("correct horse".toCharArray()));
        assertFalse(hash.matches("correct horse ".toCharArray()));
        assertFalse(hash.matches("".toCharArray()));
    }

    @Test
    void saltMakesEqualPasswordsHashDifferently() {
        assertNotEquals(PasswordHash.create("same".toCharArray(), 1000).encoded(),
                PasswordHash.create("same".toCharArray(), 1000).encoded());
    }

    @Test
    void defaultIsAStrongIterationCount() {
        assertTrue(PasswordHash.create("x".toCharArray()).encoded().startsWith("pbkdf2-sha256$600000$"));
    }

    @Test
    void plainTextAndMalformedHashesAreRejectedNamingTheLine() {
        for (String bad : new String[] {"secret", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$1000$!!!$AAAA", "pbkdf2-sha256$1000$AAAAAAAAAAA$AA"}) {
            PolaroidException e = assertThrows(PolaroidException.class, () -> PasswordHash.parse(bad, "users:3"));
            assertEquals("22023", e.sqlState());
            assertTrue(e.getMessage().startsWith("users:3"), e.getMessage());
        }
    }

    @Test
    void toStringNeverShowsTheHash() {
        PasswordHash hash = PasswordHash.create("x".toCharArray(), 1000);
        assertFalse(hash.toString().contains(hash.encoded().substring(hash.encoded().lastIndexOf('$') + 1)));
    }
}
