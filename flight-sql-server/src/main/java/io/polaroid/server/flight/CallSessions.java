package io.polaroid.server.flight;

import io.polaroid.server.session.ClientSession;
import io.polaroid.server.session.SessionRegistry;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.CallContext;

/**
 * Finds the {@link ClientSession} a call belongs to: the one its session cookie names, if that session is
 * open and belongs to the caller; otherwise a new one, whose id goes back to the client in a cookie. A
 * cookie naming a session that expired or belongs to someone else gets a fresh session, not an error:
 * the client's next calls continue in the new one.
 */
final class CallSessions {
    private final SessionRegistry registry;

    CallSessions(SessionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The caller's session, opened if it has none. */
    ClientSession session(CallContext context) {
        Optional<ClientSession> existing = existing(context);
        if (existing.isPresent()) {
            return existing.get();
        }
        ClientSession session = registry.open(identity(context));
        SessionCookies cookies = cookies(context);
        if (cookies != null) {
            cookies.issue(session.id());
        }
        return session;
    }

    /** The session the call's cookie names, if it is open and the caller's. */
    Optional<ClientSession> existing(CallContext context) {
        SessionCookies cookies = cookies(context);
        if (cookies == null || cookies.requestedSessionId().isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientSession> session = registry.find(cookies.requestedSessionId().get(), identity(context));
        session.ifPresent(ClientSession::markResumed);
        return session;
    }

    /** Closes the session the call's cookie names and tells the client to forget it; false if there was none. */
    boolean close(CallContext context) {
        SessionCookies cookies = cookies(context);
        if (cookies == null || cookies.requestedSessionId().isEmpty()) {
            return false;
        }
        boolean closed = registry.close(cookies.requestedSessionId().get(), identity(context));
        cookies.expire();
        return closed;
    }

    /** The authenticated peer, or "" when the server authenticates no one. */
    static String identity(CallContext context) {
        String identity = context.peerIdentity();
        return identity == null ? "" : identity;
    }

    private static SessionCookies cookies(CallContext context) {
        return context.getMiddleware(SessionCookies.KEY);
    }
}
