package io.polaroid.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the driver contract tests reach one connection mode: connections to a backend on which the
 * {@link TestData} datasets {@code types}, {@code trades}, {@code symbols} and {@code big} exist in the
 * default schema. Each mode (embedded now; remote and arrow later) supplies one.
 */
public interface ModeFixture {

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException;

    /** The URL {@link #connect()} uses, for tests that add properties to it. */
    String url();

    /**
     * Fails if connections closed so far left something of the driver behind (a remote connection's
     * Arrow memory, say). Called after each contract test closed its connection; nothing to check by
     * default.
     */
    default void assertNothingHeld() {
    }
}
