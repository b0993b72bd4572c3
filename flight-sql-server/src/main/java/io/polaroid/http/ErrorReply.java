package io.polaroid.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a failed request: an HTTP status and the JSON body {@code {"code": "<SQLSTATE>",
 * "message": "..."}}. Engine failures keep their SQLState and message; the status follows from the
 * SQLState's class the way HTTP clients expect it (a wrong statement is the client's 400, a missing
 * table a 404, a denied one a 403, an exhausted server a 503, a bug or I/O failure a 500).
 */
record ErrorReply(int status, String code, String message) {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReply.class);
    private static final JsonFactory JSON = new JsonFactory();

    ErrorReply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static ErrorReply of(Throwable failure) {
        if (failure instanceof HttpFailure) {
            HttpFailure http = (HttpFailure) failure;
            return new ErrorReply(http.status(), http.code(), http.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolaroidException) {
                PolaroidException polaroid = (PolaroidException) cause;
                if (status(polaroid.code()) == 500) {
                    LOG.warn("a query failed on the server's side", failure);
                }
                return new ErrorReply(status(polaroid.code()), polaroid.sqlState(), polaroid.getMessage());
            }
        }
        if (failure instanceof OutOfMemoryException || failure instanceof OutOfMemoryError) {
            LOG.warn("a query ran out of memory", failure);
            return new ErrorReply(503, ErrorCode.OUT_OF_MEMORY.sqlState(), "out of memory: " + failure.getMessage());
        }
        LOG.error("an HTTP request failed unexpectedly", failure);
        String detail = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ErrorReply(500, ErrorCode.INTERNAL_ERROR.sqlState(), "internal error: " + detail);
    }

    /** The HTTP status of an engine failure with {@code code}. */
    static int status(ErrorCode code) {
        switch (code) {
            case UNDEFINED_TABLE:
            case UNDEFINED_SCHEMA:
            case FILE_NOT_FOUND:
                return 404;
            case DUPLICATE_TABLE:
            case DUPLICATE_SCHEMA:
            case DEPENDENT_OBJECTS_EXIST:
                return 409;
            case INVALID_AUTHORIZATION:
                return 401;
            case INSUFFICIENT_PRIVILEGE:
            case READ_ONLY_TRANSACTION:
                return 403;
            case OUT_OF_MEMORY:
            case TOO_MANY_QUERIES:
            case QUERY_CANCELED:
            case CONNECTION_FAILURE:
            case CONNECTION_LOST:
            case CONNECTION_DOES_NOT_EXIST:
            case OBJECT_IN_USE:
                return 503;
            case DATA_CORRUPTED:
            case SCHEMA_MISMATCH:
            case IO_ERROR:
            case INTERNAL_ERROR:
                // the served data or the server is broken, not the request
                return 500;
            default:
                // 42xxx statements, 22xxx values, 0A000: the request cannot succeed as it is
                return 400;
        }
    }

    byte[] json() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a byte array does not fail
        }
        return bytes.toByteArray();
    }
}
