package io.polaroid.jdbc;

import java.sql.SQLException;
import java.util.function.Function;

/**
 * A call into Avatica's JDBC classes, whose failures (session errors that Avatica wrapped, unchecked
 * exceptions) must reach the user as Polaroid's SQLExceptions.
 */
@FunctionalInterface
interface SqlCall<T> {
    T call() throws SQLException;

    /** Runs {@code call}, translating any failure with {@code translator}. */
    static <T> T translated(SqlCall<T> call, Function<Throwable, SQLException> translator) throws SQLException {
        try {
            return call.call();
        } catch (SQLException | RuntimeException e) {
            throw translator.apply(e);
        }
    }
}
