package io.polaroid.cli;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Prints failures the way the command line shows them: {@code ERROR [SQLSTATE]: message} on standard error,
 * with the stack trace only in {@code --verbose} mode. Users act on the message; developers ask for the trace.
 */
public final class ErrorReporter {
    /** Exit code of a command that failed at run time (SQL error, I/O error, ...). */
    public static final int FAILURE = 1;

    private final PrintWriter err;
    private final boolean verbose;

    public ErrorReporter(PrintWriter err, boolean verbose) {
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
    }

    /** Prints {@code failure}; returns {@link #FAILURE}. */
    public int report(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        err.println(describe(failure));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return FAILURE;
    }

    /** {@code ERROR [SQLSTATE]: message} for {@code failure}. */
    public static String describe(Throwable failure) {
        return "ERROR [" + sqlState(failure) + "]: " + message(failure);
    }

    private static String sqlState(Throwable failure) {
        if (failure instanceof SQLException && ((SQLException) failure).getSQLState() != null) {
            return ((SQLException) failure).getSQLState();
        }
        if (failure instanceof PolaroidException) {
            return ((PolaroidException) failure).sqlState();
        }
        return ErrorCode.INTERNAL_ERROR.sqlState();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            // an unexpected exception without a message: its type is the only clue
            return failure.getClass().getName();
        }
        if (failure instanceof SQLException || failure instanceof PolaroidException) {
            return message;
        }
        return failure.getClass().getSimpleName() + ": " + message;
    }
}
