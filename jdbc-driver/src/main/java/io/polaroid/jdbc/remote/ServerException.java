package io.polaroid.jdbc.remote;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Objects;

/**
 * A failure reported by a Flight SQL server, carrying the SQLState the server sent (or the one its gRPC
 * status maps to) even when Polaroid has no {@link ErrorCode} of that state: another vendor's server
 * may send any state, and the user must see it unchanged.
 */
final class ServerException extends PolaroidException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    ServerException(String sqlState, String message, Throwable cause) {
        super(ErrorCode.fromSqlState(Objects.requireNonNull(sqlState, "sqlState")), message, cause);
        this.sqlState = sqlState;
    }

    @Override
    public String sqlState() {
        return sqlState;
    }
}
