package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Server-generated names for sessions, prepared statements and tickets: 128 random bits, so a handle
 * cannot be guessed or enumerated and one client cannot reach another's statements.
 */
public final class Handles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;

    private Handles() {
    }

    /** A new random handle. */
    public static ByteString next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }

    /** A new random session id, as text (it travels in a cookie). */
    public static String nextSessionId() {
        return hex(next());
    }

    /** The handle in hexadecimal, for logs and messages. */
    public static String hex(ByteString handle) {
        return HexFormat.of().formatHex(handle.toByteArray());
    }
}
