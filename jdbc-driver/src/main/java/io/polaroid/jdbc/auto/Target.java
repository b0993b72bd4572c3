package io.polaroid.jdbc.auto;

import io.polaroid.jdbc.config.ConnectionUrl;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Properties;

/** What opening one mode needs: the URL to open it with, or why it cannot be tried (its input is missing). */
sealed interface Target permits Target.Ready, Target.Missing {

    /**
     * @param url  the mode's own URL, with the properties that pass through
     * @param what what it opens, for messages: {@code server host:port}, {@code catalog DIR}, {@code path P}
     */
    record Ready(ConnectionUrl url, String what) implements Target {
        public Ready {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(what, "what");
        }
    }

    /**
     * @param given whether the input was given but cannot be used (a catalog directory that does not
     *              exist): the user meant this mode, so a connection opened in another warns about it
     */
    record Missing(String reason, boolean given) implements Target {
        public Missing {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The target of {@code mode}. Each mode needs its input given; a fallback embedded catalog must
     * also exist, so that a mistyped directory never opens as a new, empty catalog. An explicitly chosen
     * embedded mode opens like {@code jdbc:polaroid:embedded:} (creating the directory, or a transient
     * in-memory catalog without one).
     */
    static Target of(ModeName mode, AutoSettings settings) {
        boolean explicit = settings.explicitMode().filter(mode::equals).isPresent();
        Properties properties = settings.passThrough();
        switch (mode) {
            case REMOTE:
                return settings.server()
                        .<Target>map(server -> new Ready(url("jdbc:polaroid://" + server, "remote", "//" + server,
                                properties), "server " + server))
                        .orElse(new Missing("no server address (set server=host:port or GRPC_SERVER)", false));
            case EMBEDDED:
                if (settings.catalog().isEmpty()) {
                    return explicit ? new Ready(url("jdbc:polaroid:embedded:", "embedded", "", properties),
                            "transient in-memory catalog")
                            : new Missing("no catalog directory (set catalog=DIR)", false);
                }
                String directory = settings.catalog().get().toString();
                if (!explicit && !Files.isDirectory(settings.catalog().get())) {
                    return new Missing("catalog directory '" + directory + "' does not exist", true);
                }
                return new Ready(url("jdbc:polaroid:embedded:" + directory, "embedded", directory, properties),
                        "catalog " + directory);
            case ARROW:
                return settings.path()
                        .<Target>map(path -> new Ready(url("jdbc:polaroid:arrow:" + path, "arrow", path, properties),
                                "path " + path))
                        .orElse(new Missing("no path (set path=FILE, DIR or GLOB)", false));
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static ConnectionUrl url(String url, String mode, String target, Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return new ConnectionUrl(url, mode, target, copy);
    }
}
