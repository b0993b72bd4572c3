package io.polaroid.jdbc.remote;

import java.util.function.Consumer;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BearerCredentialWriter;

/**
 * Puts the connection's credentials on every call, and takes up a bearer token the server hands out
 * (after a basic-auth handshake, or a refreshed one on any later call).
 *
 * <p>A middleware rather than arrow's {@code CredentialCallOption} passed to each call: every call the
 * Flight SQL client makes, including those it makes on its own (closing a prepared statement, binding
 * parameters), then carries the credentials, and a refreshed token is used from the next call on.
 */
final class AuthorizationMiddleware implements FlightClientMiddleware.Factory {
    private volatile Consumer<CallHeaders> credentials;

    /** Sends {@code writer}'s header from now on; null sends none. */
    void use(Consumer<CallHeaders> writer) {
        this.credentials = writer;
    }

    /** Whether the server has handed out a bearer token (or one was configured). */
    boolean hasBearerToken() {
        return credentials instanceof BearerCredentialWriter;
    }

    @Override
    public FlightClientMiddleware onCallStarted(CallInfo info) {
        return new FlightClientMiddleware() {
            @Override
            public void onBeforeSendingHeaders(CallHeaders outgoing) {
                Consumer<CallHeaders> writer = credentials;
                // a call that brings its own credentials (the basic-auth handshake) keeps them
                if (writer != null && !outgoing.containsKey(Auth2Constants.AUTHORIZATION_HEADER)) {
                    writer.accept(outgoing);
                }
            }

            @Override
            public void onHeadersReceived(CallHeaders incoming) {
                String token = AuthUtilities.getValueFromAuthHeader(incoming, Auth2Constants.BEARER_PREFIX);
                if (token != null && !token.isBlank()) {
                    credentials = new BearerCredentialWriter(token.trim());
                }
            }

            @Override
            public void onCallCompleted(CallStatus status) {
                // nothing to release
            }
        };
    }
}
