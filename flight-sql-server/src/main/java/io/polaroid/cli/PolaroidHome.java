package io.polaroid.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the command line keeps its files by default: the catalog directory ({@code $POLAROID_HOME} if set,
 * else {@code ~/.polaroid/catalog}) and the shell history ({@code ~/.polaroid/history}).
 */
public final class PolaroidHome {
    public static final String HOME_VARIABLE = "POLAROID_HOME";

    private final CliEnvironment environment;

    public PolaroidHome(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** {@code ~/.polaroid}: the command line's own directory. */
    public Path directory() {
        return environment.userHome().resolve(".polaroid");
    }

    /** The catalog used when no {@code --catalog} is given. */
    public Path defaultCatalog() {
        return environment.variable(HOME_VARIABLE)
                .map(value -> expandHome(value))
                .orElseGet(() -> directory().resolve("catalog"));
    }

    public Path history() {
        return directory().resolve("history");
    }

    /** {@code ~} and {@code ~/x} as the shell would expand them (a quoted or {@code --opt=~/x} value is not). */
    public Path expandHome(String path) {
        Objects.requireNonNull(path, "path");
        if (path.equals("~")) {
            return environment.userHome();
        }
        if (path.startsWith("~/")) {
            return environment.userHome().resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
