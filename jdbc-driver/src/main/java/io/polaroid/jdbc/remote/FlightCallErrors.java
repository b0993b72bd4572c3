package io.polaroid.jdbc.remote;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * Turns the gRPC status of a failed Flight call into a {@link PolaroidException} with the SQLState a
 * JDBC user expects, following the convention of {@link RemoteErrors}: a server that sends an SQLState
 * in the {@value RemoteErrors#SQLSTATE_KEY} trailer (as Polaroid's does) is believed, whatever the state;
 * for any other server the status code decides ({@link RemoteErrors#fromStatusCodeName}), except that
 * UNAVAILABLE during a session is a lost connection (08006), CANCELLED and an expired deadline are
 * 57014 with a message that says which, and while connecting anything but bad credentials is 08001.
 */
final class FlightCallErrors {
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    private FlightCallErrors() {
    }

    /** The SQLState the server sent with the failure, or null if it sent none (or not a valid one). */
    static String serverSqlState(CallStatus status) {
        ErrorFlightMetadata metadata = status.metadata();
        if (metadata == null || !metadata.containsKey(RemoteErrors.SQLSTATE_KEY)) {
            return null;
        }
        String state = metadata.get(RemoteErrors.SQLSTATE_KEY);
        return state != null && SQLSTATE.matcher(state.trim()).matches() ? state.trim() : null;
    }

    /** Whether the failure means the network path to the server broke (not an answer of the server). */
    static boolean isConnectionLoss(FlightRuntimeException e) {
        return e.status().code() == FlightStatusCode.UNAVAILABLE && serverSqlState(e.status()) == null;
    }

    /** A failure of a call made during a session with the server at {@code address}. */
    static PolaroidException fromCall(FlightRuntimeException e, RemoteAddress address) {
        CallStatus status = e.status();
        String state = serverSqlState(status);
        if (state != null) {
            return new ServerException(state, serverMessage(status, address), e);
        }
        switch (status.code()) {
            case UNAVAILABLE:
                return new PolaroidException(ErrorCode.CONNECTION_LOST, "lost the connection to the Flight SQL "
                        + "server at " + address + ": " + describe(e), e);
            case UNAUTHENTICATED:
                return new PolaroidException(ErrorCode.INVALID_AUTHORIZATION, "the server at " + address
                        + " did not accept the credentials: " + describe(e), e);
            case CANCELLED:
                return new PolaroidException(ErrorCode.QUERY_CANCELED, "query cancelled: " + describe(e), e);
            case TIMED_OUT:
                return new PolaroidException(ErrorCode.QUERY_CANCELED, "query timed out: " + describe(e), e);
            case UNIMPLEMENTED:
                return new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "the server at " + address
                        + " does not support this: " + describe(e), e);
            default:
                return new PolaroidException(RemoteErrors.fromStatusCodeName(status.code().name()),
                        serverMessage(status, address), e);
        }
    }

    /**
     * A failure while opening a connection: whatever keeps the server from being used is 08001 naming
     * the address, bad or missing credentials 28000.
     */
    static PolaroidException fromConnect(FlightRuntimeException e, RemoteAddress address, Duration timeout) {
        CallStatus status = e.status();
        switch (status.code()) {
            case UNAUTHENTICATED:
                return new PolaroidException(ErrorCode.INVALID_AUTHORIZATION, "the Flight SQL server at " + address
                        + " rejected the credentials: " + describe(e)
                        + " (set user and password, or token, to credentials the server accepts)", e);
            case UNAVAILABLE:
                return new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot connect to the Flight SQL server "
                        + "at " + address + ": " + describe(e) + hint(e), e);
            case TIMED_OUT:
                return new PolaroidException(ErrorCode.CONNECTION_FAILURE, "the Flight SQL server at " + address
                        + " did not answer within connectTimeoutMs=" + timeout.toMillis() + hint(e), e);
            default:
                String state = serverSqlState(status);
                if (state != null && state.startsWith("28")) {
                    return new ServerException(state, serverMessage(status, address), e);
                }
                return new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot open a session on the Flight SQL "
                        + "server at " + address + ": " + describe(e), e);
        }
    }

    /** The server's own message, which names the object at fault; the status when it sent none. */
    private static String serverMessage(CallStatus status, RemoteAddress address) {
        String description = status.description();
        if (description == null || description.isBlank()) {
            return "the Flight SQL server at " + address + " failed with status " + status.code();
        }
        return description;
    }

    /** The status description and, when it says little ("io exception"), what caused it. */
    static String describe(FlightRuntimeException e) {
        String description = e.status().description();
        Throwable root = rootCause(e);
        String cause = root == null || root == e || root.getMessage() == null ? null : root.getMessage();
        if (description == null || description.isBlank()) {
            return cause != null ? cause : e.status().code().name();
        }
        return cause != null && !description.contains(cause) ? description + " (" + cause + ")" : description;
    }

    private static String hint(FlightRuntimeException e) {
        Throwable root = rootCause(e);
        String text = String.valueOf(root == null ? null : root.getMessage()).toLowerCase(Locale.ROOT);
        if (root instanceof SSLException || text.contains("ssl") || text.contains("tls")) {
            return "; the TLS handshake failed: check that tls matches the server (tls=true for a TLS server, "
                    + "false for a plain one) and that its certificate is trusted (tlsRootCerts)";
        }
        return "";
    }

    private static Throwable rootCause(FlightRuntimeException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            cause = e.status().cause();
        }
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
