package io.polaroid.jdbc.arrow;

import io.polaroid.jdbc.ModeFixture;
import io.polaroid.jdbc.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The arrow mode over the directory of the {@link TestData} Parquet files: each file is a table named
 * after its stem, so {@code types}, {@code trades}, {@code symbols} and {@code big} exist with nothing
 * registered. Every connection lists the directory and opens an engine of its own.
 */
final class ArrowFixture implements ModeFixture {
    static final ArrowFixture INSTANCE = new ArrowFixture();

    private ArrowFixture() {
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    public String url() {
        return "jdbc:polaroid:arrow:" + TestData.directory();
    }
}
