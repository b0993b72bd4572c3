package io.polaroid.server.flight;

import io.polaroid.error.PolaroidException;
import io.polaroid.server.session.ClientSession;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;

/**
 * Session options: {@value #CATALOG} (there is one catalog; setting it to its own name is accepted) and
 * {@value #SCHEMA} (the current schema unqualified names resolve against), kept in the caller's session
 * (its cookie); and CloseSession. Option names match without regard to case; values arrive as strings
 * from most drivers, which the specification asks servers to accept.
 */
final class SessionCalls {
    static final String CATALOG = "catalog";
    static final String SCHEMA = "schema";

    private final CallSessions sessions;

    SessionCalls(CallSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    void set(SetSessionOptionsRequest request, CallContext context, StreamListener<SetSessionOptionsResult> listener) {
        try {
            ClientSession session = sessions.session(context);
            Map<String, SetSessionOptionsResult.Error> errors = new HashMap<>();
            try (ClientSession.Use use = session.use()) {
                request.getSessionOptions().forEach((name, value) -> {
                    SetSessionOptionsResult.ErrorValue error = apply(session, name, value);
                    if (error != null) {
                        errors.put(name, new SetSessionOptionsResult.Error(error));
                    }
                });
            }
            listener.onNext(new SetSessionOptionsResult(errors));
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    void get(GetSessionOptionsRequest request, CallContext context, StreamListener<GetSessionOptionsResult> listener) {
        try {
            ClientSession session = sessions.session(context);
            Map<String, SessionOptionValue> options = Map.of(
                    CATALOG, SessionOptionValueFactory.makeSessionOptionValue(session.sql().catalogName()),
                    SCHEMA, SessionOptionValueFactory.makeSessionOptionValue(session.sql().currentSchema()));
            listener.onNext(new GetSessionOptionsResult(options));
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    /** Closes the caller's session; a call without one is told so with NOT_FOUND, as the specification asks. */
    void close(CloseSessionRequest request, CallContext context, StreamListener<CloseSessionResult> listener) {
        try {
            if (!sessions.close(context)) {
                throw CallStatus.NOT_FOUND.withDescription("the call names no open session (no session cookie,"
                        + " or its session expired)").toRuntimeException();
            }
            listener.onNext(new CloseSessionResult(CloseSessionResult.Status.CLOSED));
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    /** Applies one option; returns the error to report for it, or null. */
    private static SetSessionOptionsResult.ErrorValue apply(ClientSession session, String name, SessionOptionValue value) {
        String text = OptionText.of(value).orElse(null);
        switch (name.toLowerCase(Locale.ROOT)) {
            case CATALOG:
                return text != null && text.equalsIgnoreCase(session.sql().catalogName())
                        ? null : SetSessionOptionsResult.ErrorValue.INVALID_VALUE;
            case SCHEMA:
                if (text == null) {
                    return SetSessionOptionsResult.ErrorValue.INVALID_VALUE;
                }
                try {
                    session.sql().setCurrentSchema(text);
                    return null;
                } catch (PolaroidException e) {
                    return SetSessionOptionsResult.ErrorValue.INVALID_VALUE;
                }
            default:
                return SetSessionOptionsResult.ErrorValue.INVALID_NAME;
        }
    }
}
