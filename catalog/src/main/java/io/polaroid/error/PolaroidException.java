package io.polaroid.error;

import java.util.Objects;

/**
 * A failure with a user-facing message and an {@link ErrorCode}. The JDBC front turns it into an
 * {@code SQLException} with the code's SQLState; the Flight SQL server turns it into a gRPC status.
 *
 * <p>Messages name the object at fault (the dataset, column, file) so a user can act without a stack trace.
 */
public class PolaroidException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PolaroidException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public PolaroidException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }
}
