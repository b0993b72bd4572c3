package io.polaroid.jdbc.remote;

import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.config.CommonProperties;
import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import io.polaroid.jdbc.error.SqlExceptions;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code jdbc:polaroid://host:port} and {@code jdbc:polaroid:flight://host:port}: a session on a Flight
 * SQL server (Polaroid's {@code polaroid serve}, or any server that follows the protocol) through
 * {@link FlightSqlSession}.
 *
 * <p>Connecting makes a round trip within {@code connectTimeoutMs}, so a server that is down fails at
 * once with 08001 naming {@code host:port}, and bad credentials with 28000. {@code queryMemoryLimit} is
 * sent to the server as a session option; a server without that option ignores it with a warning.
 *
 * <p>A connection whose server goes away fails the running statement with 08006; every later statement
 * fails at once with 08003 and {@code isValid} answers false: open a new connection (pools do that on
 * their own). A server that came back would not know the old session's prepared statements and
 * settings, so the driver does not silently reconnect.
 */
public final class RemoteMode implements ConnectionMode {
    public static final String NAME = "remote";
    /** Another name of the mode, after the protocol: {@code jdbc:polaroid:flight://host:port}. */
    public static final String FLIGHT = "flight";

    @Override
    public List<String> names() {
        return List.of(NAME, FLIGHT);
    }

    @Override
    public List<ConnectionProperty> properties() {
        return RemoteProperties.ALL;
    }

    @Override
    public Backend open(ConnectionUrl url) throws SQLException {
        RemoteSettings settings = RemoteSettings.from(url);
        OptionalLong memoryLimit = PropertyValues.bytes(CommonProperties.QUERY_MEMORY_LIMIT, url.properties());
        FlightSqlSession session;
        try {
            session = FlightSqlSession.connect(settings);
        } catch (PolaroidException e) {
            throw SqlExceptions.from(e);
        }
        try {
            List<String> warnings = new ArrayList<>();
            if (memoryLimit.isPresent() && !session.setQueryMemoryLimit(memoryLimit.getAsLong())) {
                warnings.add("the Flight SQL server at " + settings.address() + " (" + session.serverInfo().describe()
                        + ") has no query memory limit option: queryMemoryLimit is ignored");
            }
            return new Backend(session, NAME, session.dialect(), false, warnings, () -> {
                // the session closes its link to the server
            }, session);
        } catch (RuntimeException e) {
            session.close();
            throw SqlExceptions.translate(e);
        }
    }
}
