package io.polaroid.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the driver contract tests reach one connection mode: connections to a backend on which the
 * {@link TestData} datasets {@code types}, {@code trades}, {@code symbols} and {@code big} exist in the
 * default schema. Each mode (embedded now; remote and arrow later) supplies one.
 */
interface ModeFixture {

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException;

    /** The URL {@link #connect()} uses, for tests that add properties to it. */
    String url();
}
