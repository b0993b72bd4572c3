package io.polaroid.jdbc.mode;

import io.polaroid.jdbc.arrow.ArrowMode;
import io.polaroid.jdbc.auto.AutoMode;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.embedded.EmbeddedMode;
import io.polaroid.jdbc.remote.RemoteMode;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The connection modes this driver offers, found by the mode name of a URL. */
public final class ConnectionModes {
    private static final List<ConnectionMode> MODES = List.of(new EmbeddedMode(), new RemoteMode(), new ArrowMode(),
            new AutoMode());

    private ConnectionModes() {
    }

    public static Optional<ConnectionMode> find(String name) {
        return MODES.stream().filter(mode -> mode.names().contains(name)).findFirst();
    }

    /** The mode of {@code url}; 08001 naming the supported modes if there is none of that name. */
    public static ConnectionMode of(ConnectionUrl url) throws SQLException {
        return find(url.mode()).orElseThrow(() -> new SQLNonTransientConnectionException(
                "unknown connection mode '" + url.mode() + "' in URL " + url.display() + "; this driver supports "
                        + String.join(", ", supportedNames()) + " (for example jdbc:polaroid:embedded:/path/to/catalog or jdbc:polaroid://localhost:50051)",
                "08001"));
    }

    private static TreeSet<String> supportedNames() {
        TreeSet<String> names = new TreeSet<>();
        MODES.forEach(mode -> names.addAll(mode.names()));
        return names;
    }
}
