package io.polaroid.engine.api;

import io.polaroid.error.ErrorCode;
import java.util.Locale;
import java.util.Objects;

/**
 * How a failure crosses the wire between the Flight SQL server and a remote client, so the client can
 * rebuild the {@link io.polaroid.error.PolaroidException} the engine threw: the gRPC status code says
 * what kind of failure it is (any Flight SQL client understands that), the status description carries
 * the engine's message unchanged, and the trailer {@link #SQLSTATE_KEY} carries the exact SQLState.
 *
 * <p>Status codes are named as Arrow's {@code FlightStatusCode} names them (gRPC's
 * {@code PERMISSION_DENIED} is {@code UNAUTHORIZED} there, {@code DEADLINE_EXCEEDED} is
 * {@code TIMED_OUT}), so this class needs no Flight dependency: the server maps
 * {@link #statusCodeName(ErrorCode)} with {@code FlightStatusCode.valueOf}; a client reads the SQLState
 * trailer and falls back to {@link #fromStatusCodeName(String)} when the server is not Polaroid and
 * sends none.
 */
public final class RemoteErrors {
    /** The trailer (gRPC metadata) key holding the five-character SQLState of a failed call. */
    public static final String SQLSTATE_KEY = "x-polaroid-sqlstate";

    private RemoteErrors() {
    }

    /**
     * The gRPC status code for a failure with {@code code}: {@code INVALID_ARGUMENT} for statements and
     * values that are wrong (42xxx, 22xxx), {@code NOT_FOUND} for objects that do not exist,
     * {@code ALREADY_EXISTS}, {@code UNAUTHENTICATED} (28000), {@code UNAUTHORIZED} (gRPC's
     * {@code PERMISSION_DENIED}: 42501, 25006), {@code RESOURCE_EXHAUSTED} (53xxx), {@code CANCELLED}
     * (57014), {@code UNAVAILABLE} (08xxx, 55006), {@code UNIMPLEMENTED} (0A000), {@code INTERNAL} for
     * I/O errors and bugs.
     */
    public static String statusCodeName(ErrorCode code) {
        Objects.requireNonNull(code, "code");
        switch (code) {
            case UNDEFINED_TABLE:
            case UNDEFINED_COLUMN:
            case UNDEFINED_FUNCTION:
            case UNDEFINED_SCHEMA:
            case FILE_NOT_FOUND:
                return "NOT_FOUND";
            case DUPLICATE_TABLE:
            case DUPLICATE_SCHEMA:
                return "ALREADY_EXISTS";
            case INSUFFICIENT_PRIVILEGE:
            case READ_ONLY_TRANSACTION:
                return "UNAUTHORIZED";
            case INVALID_AUTHORIZATION:
                return "UNAUTHENTICATED";
            case OUT_OF_MEMORY:
            case TOO_MANY_QUERIES:
                return "RESOURCE_EXHAUSTED";
            case QUERY_CANCELED:
                return "CANCELLED";
            case CONNECTION_FAILURE:
            case CONNECTION_LOST:
            case OBJECT_IN_USE:
                return "UNAVAILABLE";
            case FEATURE_NOT_SUPPORTED:
                return "UNIMPLEMENTED";
            case IO_ERROR:
            case INTERNAL_ERROR:
                return "INTERNAL";
            default:
                // 42xxx statement errors, 22xxx data errors (a corrupt file included), 2BP01: the request
                // cannot succeed as it is
                return "INVALID_ARGUMENT";
        }
    }

    /**
     * The best {@link ErrorCode} for a failure that came with a gRPC status but no SQLState trailer (a
     * server that is not Polaroid, or a failure before the server ran any code): {@code UNAVAILABLE} is
     * 08001, {@code UNAUTHENTICATED} 28000, {@code UNAUTHORIZED}/{@code PERMISSION_DENIED} 42501,
     * {@code CANCELLED} and {@code TIMED_OUT}/{@code DEADLINE_EXCEEDED} 57014, {@code RESOURCE_EXHAUSTED} 53200, {@code NOT_FOUND} 42P01,
     * {@code ALREADY_EXISTS} 42P07, {@code INVALID_ARGUMENT} 42000, {@code UNIMPLEMENTED} 0A000, anything
     * else XX000.
     */
    public static ErrorCode fromStatusCodeName(String statusCodeName) {
        Objects.requireNonNull(statusCodeName, "statusCodeName");
        switch (statusCodeName.toUpperCase(Locale.ROOT)) {
            case "UNAVAILABLE":
                return ErrorCode.CONNECTION_FAILURE;
            case "UNAUTHENTICATED":
                return ErrorCode.INVALID_AUTHORIZATION;
            case "UNAUTHORIZED":
            case "PERMISSION_DENIED":
                return ErrorCode.INSUFFICIENT_PRIVILEGE;
            case "CANCELLED":
            case "TIMED_OUT":
            case "DEADLINE_EXCEEDED":
                return ErrorCode.QUERY_CANCELED;
            case "RESOURCE_EXHAUSTED":
                return ErrorCode.OUT_OF_MEMORY;
            case "NOT_FOUND":
                return ErrorCode.UNDEFINED_TABLE;
            case "ALREADY_EXISTS":
                return ErrorCode.DUPLICATE_TABLE;
            case "INVALID_ARGUMENT":
                return ErrorCode.INVALID_STATEMENT;
            case "UNIMPLEMENTED":
                return ErrorCode.FEATURE_NOT_SUPPORTED;
            default:
                return ErrorCode.INTERNAL_ERROR;
        }
    }
}
