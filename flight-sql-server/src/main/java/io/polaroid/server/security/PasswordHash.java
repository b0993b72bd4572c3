package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in Base64). PBKDF2 ships with every JDK, so users files need no extra library to verify;
 * the iteration count is part of the text, so it can be raised later without invalidating old entries.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. One login costs a few hundred milliseconds
     *  of CPU; clients exchange it for a bearer token, so it is paid once per connection. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash create(char[] password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    /** Hashes {@code password} with a fresh random salt ({@code iterations} lower than the default: tests). */
    public static PasswordHash create(char[] password, int iterations) {
        Objects.requireNonNull(password, "password");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BITS));
    }

    /** Parses the stored form; {@code 22023} naming {@code where} if it is not one. */
    public static PasswordHash parse(String text, String where) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw invalid(where, "expected " + SCHEME + "$<iterations>$<salt>$<hash> (make one with "
                    + "'polaroid hash-password'); plain-text passwords are not accepted");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16) {
                throw invalid(where, "iterations, salt or hash too small");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {  // NumberFormatException or bad Base64
            throw invalid(where, e.getMessage());
        }
    }

    /** Whether {@code password} hashes to this hash; the comparison takes the same time wherever they differ. */
    public boolean matches(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] candidate = derive(password, salt, iterations, hash.length * 8);
        return MessageDigest.isEqual(candidate, hash);
    }

    /** The stored form. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return SCHEME + "$" + iterations + "$...";  // never the hash itself in logs
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide PBKDF2WithHmacSHA256.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    private static PolaroidException invalid(String where, String detail) {
        return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, where + ": not a password hash: " + detail);
    }

    /** A hash of nothing anyone knows, checked for unknown users so that they take as long as known ones. */
    static PasswordHash decoy() {
        return Decoy.INSTANCE;
    }

    private static final class Decoy {
        static final PasswordHash INSTANCE = create(new char[] {'\0'});
    }
}
