package io.polaroid.server.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;

/**
 * Authenticates every Flight call from its {@code Authorization} header:
 * <ul>
 *   <li>{@code Bearer <token>}: a static API token ({@link ApiTokens}), else a session token this server
 *       issued after a password login;</li>
 *   <li>{@code Basic <user:password>}: checked against the {@link UserDirectory}; success issues a session
 *       bearer token in the response headers, which clients send from then on, so the deliberately slow
 *       password hash is paid once per connection.</li>
 * </ul>
 * The password-to-bearer exchange is arrow-java's own ({@link GeneratedBearerTokenAuthenticator} over
 * {@link BasicCallHeaderAuthenticator}), the same flow the Flight SQL JDBC driver and ADBC expect. Every
 * failure is {@code UNAUTHENTICATED} with a message that says what was wrong but not which part.
 */
public final class PolaroidAuthenticator implements CallHeaderAuthenticator {
    private final ApiTokens tokens;
    private final Optional<CallHeaderAuthenticator> passwordLogins;

    public PolaroidAuthenticator(Optional<UserDirectory> users, ApiTokens tokens) {
        Objects.requireNonNull(users, "users");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.passwordLogins = users.map(directory ->
                new GeneratedBearerTokenAuthenticator(new BasicCallHeaderAuthenticator(
                        (user, password) -> login(directory, user, password))));
        if (users.isEmpty() && tokens.isEmpty()) {
            throw new IllegalArgumentException("an authenticator needs users or API tokens");
        }
    }

    @Override
    public AuthResult authenticate(CallHeaders headers) {
        String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
        if (bearer != null) {
            Optional<Principal> principal = tokens.authenticate(bearer);
            if (principal.isPresent()) {
                return identified(principal.get().name());
            }
            if (passwordLogins.isEmpty()) {
                throw unauthenticated("invalid API token");
            }
            return withMessage(passwordLogins.get(), headers, "invalid or expired token");
        }
        boolean basic = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX) != null;
        if (!basic) {
            throw unauthenticated("missing credentials: this server requires "
                    + (passwordLogins.isPresent() && !tokens.isEmpty() ? "a user and password or an API token"
                    : passwordLogins.isPresent() ? "a user and password" : "an API token"));
        }
        if (passwordLogins.isEmpty()) {
            throw unauthenticated("this server accepts API tokens only, not user and password");
        }
        return withMessage(passwordLogins.get(), headers, "invalid user name or password");
    }

    private static AuthResult login(UserDirectory users, String user, String password) {
        char[] chars = password.toCharArray();
        try {
            Principal principal = users.authenticate(user, chars)
                    .orElseThrow(() -> unauthenticated("invalid user name or password"));
            return identified(principal.name());
        } finally {
            Arrays.fill(chars, (char) 0);  // don't leave a second copy of the password in the heap
        }
    }

    /** Runs arrow's authenticator, giving its bare UNAUTHENTICATED failures a message. */
    private static AuthResult withMessage(CallHeaderAuthenticator authenticator, CallHeaders headers, String message) {
        try {
            return authenticator.authenticate(headers);
        } catch (FlightRuntimeException e) {
            if (e.status().code() == FlightStatusCode.UNAUTHENTICATED
                    && (e.status().description() == null || e.status().description().isEmpty())) {
                throw unauthenticated(message);
            }
            throw e;
        }
    }

    private static AuthResult identified(String name) {
        return new AuthResult() {
            @Override
            public String getPeerIdentity() {
                return name;
            }
        };
    }

    private static FlightRuntimeException unauthenticated(String message) {
        return CallStatus.UNAUTHENTICATED.withDescription(message).toRuntimeException();
    }
}
