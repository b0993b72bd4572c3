package io.polaroid.server.flight;

import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * Carries a client's session id in a cookie, as Flight SQL session options expect (and as the official
 * JDBC driver and ADBC, which keep cookies, do): a call that brings {@value #COOKIE} continues that
 * session; a call that needs a session and brings none gets a new one, and its id in a
 * {@code set-cookie} header. A client that keeps no cookies thus gets a fresh session per statement, which
 * is still correct: its prepared statements and tickets are found by their own handles.
 *
 * <p>One instance per call: the producer reads {@link #requestedSessionId()} and sets what to send back.
 */
public final class SessionCookies implements FlightServerMiddleware {
    /** The cookie name arrow's own session middleware uses, so clients built for it work unchanged. */
    public static final String COOKIE = "arrow_flight_session_id";
    public static final Key<SessionCookies> KEY = Key.of("polaroid-session");

    private final String requested;
    private volatile String issued;
    private volatile boolean expire;

    private SessionCookies(String requested) {
        this.requested = requested;
    }

    /** The session id the client sent, if any. */
    public Optional<String> requestedSessionId() {
        return Optional.ofNullable(requested);
    }

    /** Tells the client to keep {@code sessionId} (a session opened by this call). */
    public void issue(String sessionId) {
        this.issued = Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Tells the client to forget its session cookie (the session is closed or unknown). */
    public void expire() {
        this.expire = true;
    }

    @Override
    public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
        String newId = issued;
        if (newId != null) {
            outgoingHeaders.insert("set-cookie", COOKIE + "=" + newId);
        } else if (expire && requested != null) {
            outgoingHeaders.insert("set-cookie", COOKIE + "=" + requested + "; Max-Age=0");
        }
    }

    @Override
    public void onCallCompleted(CallStatus status) {
    }

    @Override
    public void onCallErrored(Throwable err) {
    }

    /** Reads the session cookie of each call. */
    public static final class Factory implements FlightServerMiddleware.Factory<SessionCookies> {
        @Override
        public SessionCookies onCallStarted(CallInfo info, CallHeaders incomingHeaders, RequestContext context) {
            return new SessionCookies(sessionId(incomingHeaders.getAll("cookie")));
        }

        /** The value of {@value #COOKIE} in {@code cookie} headers ({@code a=1; b=2}), or null. */
        static String sessionId(Iterable<String> headers) {
            if (headers == null) {
                return null;
            }
            for (String header : headers) {
                for (String pair : header.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().equals(COOKIE)) {
                        String value = pair.substring(equals + 1).strip();
                        if (!value.isEmpty()) {
                            return value;
                        }
                    }
                }
            }
            return null;
        }
    }
}
