package io.polaroid.http;

import io.polaroid.server.security.Credentials;
import io.polaroid.server.security.Principal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request, from its {@code Authorization} header, against the same {@link Credentials} as the
 * Flight endpoint: {@code Bearer <API key>} for the server's API tokens (the way scripts and serverless
 * callers authenticate), and {@code Basic} for its password users. HTTP has no session to remember a
 * login in, so a Basic request pays the deliberately slow password hash every time: use API keys for
 * anything frequent. Without authentication configured every request is anonymous and allowed.
 */
final class HttpAuthentication {
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private final Credentials credentials;

    HttpAuthentication(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The authenticated identity (the principal's name; empty when the server authenticates no one).
     *
     * @param authorization the header's value, or null
     * @throws HttpFailure 401 when the credentials are missing or wrong
     */
    String identify(String authorization) {
        if (!credentials.authenticates()) {
            return "";
        }
        if (authorization == null || authorization.isBlank()) {
            throw HttpFailure.unauthenticated("missing credentials: send the header 'Authorization: Bearer <API key>'");
        }
        String lower = authorization.toLowerCase(Locale.ROOT);
        if (lower.startsWith(BEARER)) {
            return credentials.tokens().authenticate(authorization.substring(BEARER.length()).strip())
                    .map(Principal::name)
                    .orElseThrow(() -> HttpFailure.unauthenticated("invalid API key"));
        }
        if (lower.startsWith(BASIC)) {
            return basic(authorization.substring(BASIC.length()).strip());
        }
        throw HttpFailure.unauthenticated("unsupported Authorization scheme: send 'Authorization: Bearer <API key>'");
    }

    private String basic(String encoded) {
        if (credentials.users().isEmpty()) {
            throw HttpFailure.unauthenticated("this server accepts API keys only: send 'Authorization: Bearer <API key>'");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw HttpFailure.unauthenticated("the Basic credentials are not base64 of user:password");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
        char[] text = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(chars.array(), (char) 0);
        Arrays.fill(decoded, (byte) 0);
        try {
            int colon = indexOf(text, ':');
            if (colon < 0) {
                throw HttpFailure.unauthenticated("the Basic credentials are not base64 of user:password");
            }
            String user = new String(text, 0, colon);
            char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
            try {
                Optional<Principal> principal = credentials.users().get().authenticate(user, password);
                return principal.map(Principal::name)
                        .orElseThrow(() -> HttpFailure.unauthenticated("invalid user name or password"));
            } finally {
                Arrays.fill(password, (char) 0);
            }
        } finally {
            Arrays.fill(text, (char) 0);  // don't leave the password in the heap longer than needed
        }
    }

    private static int indexOf(char[] text, char wanted) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
