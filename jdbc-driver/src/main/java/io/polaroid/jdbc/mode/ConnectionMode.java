package io.polaroid.jdbc.mode;

import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import java.sql.SQLException;
import java.util.List;

/**
 * One way to connect: it turns a {@link ConnectionUrl} into an open {@link Backend} (a
 * {@link io.polaroid.engine.api.SqlSession} and what keeps it alive). The JDBC front is written once
 * over the session; adding a mode (remote Flight SQL, local Arrow files, auto selection) means adding an
 * implementation and registering it in {@link ConnectionModes}, nothing else.
 */
public interface ConnectionMode {

    /** The names URLs use to select this mode ({@code jdbc:polaroid:<name>:...}), lower case. */
    List<String> names();

    /** The properties this mode reads beyond the common ones, for {@code Driver.getPropertyInfo}. */
    List<ConnectionProperty> properties();

    /**
     * Opens a session.
     *
     * @throws SQLException 08001 when the target cannot be reached or opened, 28000 for bad credentials
     */
    Backend open(ConnectionUrl url) throws SQLException;
}
