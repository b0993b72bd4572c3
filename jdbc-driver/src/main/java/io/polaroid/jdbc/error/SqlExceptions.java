package io.polaroid.jdbc.error;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Objects;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Turns Polaroid's failures into the {@link SQLException}s JDBC users and tools expect: the engine's
 * SQLState and message unchanged, in the subclass JDBC assigns to the state's class (42 syntax errors,
 * 22 data errors, 08 connection failures, 28 authorization, 0A unsupported features, ...).
 */
public final class SqlExceptions {
    private SqlExceptions() {
    }

    /** The SQLException for {@code e}, keeping {@code e} as its cause. */
    public static SQLException from(PolaroidException e) {
        Objects.requireNonNull(e, "e");
        return create(e.getMessage(), e.sqlState(), e);
    }

    /** An SQLException of the right subclass for {@code sqlState}. */
    public static SQLException create(String message, String sqlState, Throwable cause) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sqlState, "sqlState");
        String stateClass = sqlState.length() >= 2 ? sqlState.substring(0, 2) : sqlState;
        switch (stateClass) {
            case "08":
                return new SQLNonTransientConnectionException(message, sqlState, cause);
            case "28":
                return new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
            case "42":
                return new SQLSyntaxErrorException(message, sqlState, cause);
            case "22":
                return new SQLDataException(message, sqlState, cause);
            case "23":
                return new SQLIntegrityConstraintViolationException(message, sqlState, cause);
            case "0A":
                return new SQLFeatureNotSupportedException(message, sqlState, cause);
            case "40":
                return new SQLTransactionRollbackException(message, sqlState, cause);
            case "53":
                // out of memory, too many queries: retrying later may succeed
                return new SQLTransientException(message, sqlState, cause);
            case "57":
                // cancelled by the user (a timeout is reported by timeout())
                return new SQLTransientException(message, sqlState, cause);
            default:
                return new SQLNonTransientException(message, sqlState, cause);
        }
    }

    /** The SQLException for a query cancelled because its timeout expired: 57014. */
    public static SQLTimeoutException timeout(String message, Throwable cause) {
        return new SQLTimeoutException(message, ErrorCode.QUERY_CANCELED.sqlState(), cause);
    }

    /**
     * The SQLException a user should see for any failure: an SQLException or PolaroidException found in
     * the cause chain (Avatica wraps what its Meta throws), Arrow's allocation failure as 53200, an
     * SQLException without a state as it is (Avatica's "statement closed"), and anything else as an
     * internal error (XX000) that says what happened.
     */
    public static SQLException translate(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PolaroidException) {
                return from((PolaroidException) t);
            }
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return (SQLException) t;
            }
            if (t instanceof OutOfMemoryException) {
                return create("query ran out of memory: " + t.getMessage(), ErrorCode.OUT_OF_MEMORY.sqlState(), t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof SQLException) {
            return (SQLException) failure;
        }
        return create("internal error: " + failure, ErrorCode.INTERNAL_ERROR.sqlState(), failure);
    }

    /** Carries an SQLException through interfaces that cannot throw checked exceptions (Avatica's Meta). */
    public static RuntimeException tunnel(SQLException e) {
        return new SqlExceptionTunnel(e);
    }

    /** A RuntimeException whose cause is the SQLException to report; {@link #translate} unwraps it. */
    private static final class SqlExceptionTunnel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlExceptionTunnel(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
