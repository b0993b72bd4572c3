package io.polaroid.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded mode over a catalog directory of its own, with the test datasets registered once per JVM
 * (with {@code cache = 'none'}, so every query reads the files and memory accounting stays per query).
 * One connection stays open for the JVM's life, so the engine stays up between test classes.
 */
final class EmbeddedFixture implements ModeFixture {
    private static EmbeddedFixture shared;

    private final String url;
    @SuppressWarnings("unused")
    private final Connection anchor;

    private EmbeddedFixture(Path catalog) throws SQLException {
        this.url = "jdbc:polaroid:embedded:" + catalog;
        this.anchor = DriverManager.getConnection(url);
        try (Statement statement = anchor.createStatement()) {
            for (String name : new String[] {"types", "trades", "symbols", "big"}) {
                statement.execute("CREATE DATASET " + name + " FROM '" + TestData.file(name)
                        + "' WITH (cache = 'none')");
            }
        }
    }

    static synchronized EmbeddedFixture shared() {
        if (shared == null) {
            try {
                shared = new EmbeddedFixture(Files.createTempDirectory("polaroid-jdbc-catalog"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot set up the embedded test catalog", e);
            }
        }
        return shared;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public String url() {
        return url;
    }
}
