package io.polaroid.jdbc.remote;

import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.NoOpSessionOptionValueVisitor;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;

/**
 * Flight session options ({@code GetSessionOptions}/{@code SetSessionOptions}): the settings a server
 * keeps for this client's session, found again by the session cookie the link sends. The option names
 * are those ADBC's Flight SQL drivers use, so any server that follows them keeps our catalog and schema.
 */
final class SessionOptions {
    static final String CATALOG = "catalog";
    static final String SCHEMA = "schema";
    static final String QUERY_MEMORY_LIMIT = "query_memory_limit";

    private SessionOptions() {
    }

    /** The string options the server holds for this session; empty if it has no session options. */
    static Map<String, String> read(ServerLink link) {
        Map<String, SessionOptionValue> options;
        try {
            options = link.sql().getSessionOptions(new GetSessionOptionsRequest()).getSessionOptions();
        } catch (FlightRuntimeException e) {
            if (e.status().code() == FlightStatusCode.UNIMPLEMENTED) {
                return Map.of();
            }
            throw e;
        }
        Map<String, String> texts = new HashMap<>();
        options.forEach((name, value) -> {
            String text = value.acceptVisitor(new NoOpSessionOptionValueVisitor<String>() {
                @Override
                public String visit(String string) {
                    return string;
                }

                @Override
                public String visit(long number) {
                    return Long.toString(number);
                }
            });
            if (text != null) {
                texts.put(name, text);
            }
        });
        return texts;
    }

    /** What became of setting one option. */
    enum Outcome { SET, UNSUPPORTED, INVALID_NAME, INVALID_VALUE, FAILED }

    static Outcome set(ServerLink link, String name, SessionOptionValue value) {
        SetSessionOptionsResult result;
        try {
            result = link.sql().setSessionOptions(new SetSessionOptionsRequest(Map.of(name, value)));
        } catch (FlightRuntimeException e) {
            if (e.status().code() == FlightStatusCode.UNIMPLEMENTED) {
                return Outcome.UNSUPPORTED;
            }
            throw e;
        }
        SetSessionOptionsResult.Error error = result.getErrors().get(name);
        if (error == null) {
            return Outcome.SET;
        }
        switch (error.value) {
            case INVALID_NAME:
                return Outcome.INVALID_NAME;
            case INVALID_VALUE:
                return Outcome.INVALID_VALUE;
            default:
                return Outcome.FAILED;
        }
    }

    static SessionOptionValue text(String value) {
        return SessionOptionValueFactory.makeSessionOptionValue(value);
    }

    static SessionOptionValue number(long value) {
        return SessionOptionValueFactory.makeSessionOptionValue(value);
    }
}
