package io.polaroid.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the {@code sql} and {@code shell} commands connect to: a catalog directory opened in this process
 * ({@code --catalog}, the default), or any Polaroid JDBC URL ({@code --url}, e.g. a running server's
 * {@code jdbc:polaroid://127.0.0.1:50051}).
 */
public final class ConnectionTarget {
    @Mixin
    private CatalogOption catalog;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Connect to this JDBC URL instead of opening a catalog directory, "
                    + "e.g. jdbc:polaroid://127.0.0.1:50051;user=alice;password=...")
    private String url;

    /** Opens the connection; warnings (such as a fallback taken) go to {@code err}. */
    Connection open(PolaroidHome home, PrintWriter err) throws SQLException {
        return JdbcConnections.open(jdbcUrl(home), err);
    }

    /** For the shell's greeting: the URL without its properties, which may hold a password. */
    String describe(PolaroidHome home) {
        return explicitUrl().map(value -> value.split(";", 2)[0].split("\\?", 2)[0])
                .orElseGet(() -> "catalog " + catalog.resolve(home));
    }

    private String jdbcUrl(PolaroidHome home) {
        return explicitUrl().orElseGet(() -> CatalogOption.jdbcUrl(catalog.resolve(home)));
    }

    private Optional<String> explicitUrl() {
        return Optional.ofNullable(url).filter(value -> !value.isBlank());
    }
}
