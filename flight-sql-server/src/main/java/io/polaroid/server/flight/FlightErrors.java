package io.polaroid.server.flight;

import io.polaroid.engine.api.RemoteErrors;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a call failed with into the gRPC status its client sees, following
 * {@link RemoteErrors}: the status code for the kind of failure, the engine's message as the description,
 * and the SQLState in the {@value RemoteErrors#SQLSTATE_KEY} trailer. Failures that are not
 * {@link PolaroidException}s are bugs or resource exhaustion; they are logged here with their stack trace,
 * because the client only gets the message.
 */
public final class FlightErrors {
    private static final Logger LOG = LoggerFactory.getLogger(FlightErrors.class);

    private FlightErrors() {
    }

    /** The Flight exception to send for {@code failure}. */
    public static FlightRuntimeException toFlight(Throwable failure) {
        if (failure instanceof FlightRuntimeException) {
            return (FlightRuntimeException) failure;
        }
        Optional<PolaroidException> polaroid = polaroidCause(failure);
        if (polaroid.isPresent()) {
            return status(polaroid.get().code(), polaroid.get().getMessage(), failure);
        }
        if (failure instanceof OutOfMemoryException || failure instanceof OutOfMemoryError) {
            LOG.warn("a call ran out of memory", failure);
            return status(ErrorCode.OUT_OF_MEMORY, "out of memory: " + failure.getMessage(), failure);
        }
        LOG.error("a call failed unexpectedly", failure);
        String message = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return status(ErrorCode.INTERNAL_ERROR, "internal error: " + message, failure);
    }

    /** A Flight exception for {@code code} with {@code message}, the SQLState in the trailers. */
    public static FlightRuntimeException status(ErrorCode code, String message, Throwable cause) {
        ErrorFlightMetadata metadata = new ErrorFlightMetadata();
        metadata.insert(RemoteErrors.SQLSTATE_KEY, code.sqlState());
        CallStatus status = new CallStatus(FlightStatusCode.valueOf(RemoteErrors.statusCodeName(code)), cause,
                message, metadata);
        return status.toRuntimeException();
    }

    /** The SQLState a Flight exception carries, if the server that made it put one there. */
    public static Optional<String> sqlState(FlightRuntimeException failure) {
        ErrorFlightMetadata metadata = failure.status().metadata();
        return metadata == null ? Optional.empty() : Optional.ofNullable(metadata.get(RemoteErrors.SQLSTATE_KEY));
    }

    private static Optional<PolaroidException> polaroidCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PolaroidException) {
                return Optional.of((PolaroidException) t);
            }
        }
        return Optional.empty();
    }
}
