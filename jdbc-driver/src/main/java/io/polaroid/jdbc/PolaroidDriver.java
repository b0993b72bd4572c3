package io.polaroid.jdbc;

import io.polaroid.jdbc.config.CommonProperties;
import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import io.polaroid.jdbc.error.SqlExceptions;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionMode;
import io.polaroid.jdbc.mode.ConnectionModes;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The Polaroid JDBC driver, {@code jdbc:polaroid:...}. See {@link ConnectionUrl} for the URL forms and
 * {@link CommonProperties} and each mode for the properties.
 *
 * <p>Built on Avatica: this is its one driver, every mode shares one {@link SessionMeta} over the
 * mode's {@link io.polaroid.engine.api.SqlSession}, and results stream through an Arrow cursor. It
 * registers itself with {@code DriverManager} when loaded and is listed in
 * {@code META-INF/services/java.sql.Driver}; it accepts only {@code jdbc:polaroid:} URLs.
 *
 * <p>Connecting checks first that the JVM lets Arrow use its memory (JDK 17+ needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}); without it the connection fails with SQLState
 * 08001 and a message naming the flag.
 */
public final class PolaroidDriver extends UnregisteredDriver {
    /** Properties every JDBC tool may pass, whatever the driver: not reported as unknown. */
    private static final Set<String> STANDARD_PROPERTIES = Set.of("user", "password");

    static {
        new PolaroidDriver().register();
    }

    public PolaroidDriver() {
        super();
    }

    @Override
    protected AvaticaFactory createFactory() {
        return new PolaroidJdbcFactory();
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return DriverVersion.load(PolaroidDriver.class, "io/polaroid/jdbc/polaroid-jdbc.properties",
                "Polaroid JDBC Driver", "unknown", "Polaroid", "unknown");
    }

    @Override
    protected String getConnectStringPrefix() {
        return ConnectionUrl.PREFIX;
    }

    /** Every mode uses the same Meta; the mode is in the session the connection holds. */
    @Override
    public Meta createMeta(AvaticaConnection connection) {
        return new SessionMeta((PolaroidConnection) connection);
    }

    /** The driver logs through SLF4J under {@code io.polaroid.jdbc}; this is that name's JUL logger. */
    @Override
    public java.util.logging.Logger getParentLogger() {
        return java.util.logging.Logger.getLogger("io.polaroid.jdbc");
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("the URL is null", "08001");
        }
        return ConnectionUrl.accepts(url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url, info);
        ConnectionMode mode = ConnectionModes.of(parsed);
        long queryMemoryLimit = PropertyValues.bytes(CommonProperties.QUERY_MEMORY_LIMIT, parsed.properties())
                .orElse(0);
        ArrowMemoryAccess.check();
        Backend backend = open(mode, parsed);
        PolaroidConnection connection;
        try {
            connection = new PolaroidConnection(this, factory, parsed, backend, queryMemoryLimit,
                    unknownProperties(parsed, mode));
        } catch (RuntimeException e) {
            backend.close();
            throw SqlExceptions.translate(e);
        }
        try {
            if (CommonProperties.SCHEMA.isSet(parsed.properties())) {
                connection.setSchema(CommonProperties.SCHEMA.value(parsed.properties()));
            }
            handler.onConnectionInit(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw SqlExceptions.translate(e);
        }
    }

    /**
     * Opens the mode's backend. Should Arrow fail to initialise although the check passed (a JVM that
     * opens {@code java.nio} in some other way Arrow still rejects), the failure still becomes an
     * SQLException rather than an {@code Error} escaping into the application.
     */
    private static Backend open(ConnectionMode mode, ConnectionUrl url) throws SQLException {
        try {
            return mode.open(url);
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            if (!ArrowMemoryAccess.isOpenToArrow()) {
                throw ArrowMemoryAccess.missingFlag(e);
            }
            throw new SQLNonTransientConnectionException("cannot open the " + url.mode() + " connection: a class "
                    + "failed to load: " + e, "08001", e);
        }
    }

    /** Warnings for properties no part of the driver reads: usually a misspelled name. */
    private static List<String> unknownProperties(ConnectionUrl url, ConnectionMode mode) {
        List<String> warnings = new ArrayList<>();
        for (String name : url.properties().stringPropertyNames()) {
            boolean known = STANDARD_PROPERTIES.contains(name)
                    || properties(Optional.of(mode)).stream().anyMatch(property -> property.name().equals(name));
            if (!known) {
                warnings.add("unknown connection property '" + name + "' is ignored");
            }
        }
        return warnings;
    }

    /** The properties of the URL's mode and the common ones, with their values from the URL and {@code info}. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties properties = info == null ? new Properties() : info;
        Optional<ConnectionMode> mode = Optional.empty();
        if (url != null && ConnectionUrl.accepts(url)) {
            try {
                ConnectionUrl parsed = ConnectionUrl.parse(url, info);
                properties = parsed.properties();
                mode = ConnectionModes.find(parsed.mode());
            } catch (SQLException e) {
                // a URL still being typed into a tool's dialog: list what every mode takes
            }
        }
        List<DriverPropertyInfo> infos = new ArrayList<>();
        for (ConnectionProperty property : properties(mode)) {
            infos.add(property.toPropertyInfo(properties));
        }
        return infos.toArray(new DriverPropertyInfo[0]);
    }

    private static List<ConnectionProperty> properties(Optional<ConnectionMode> mode) {
        List<ConnectionProperty> all = new ArrayList<>(CommonProperties.ALL);
        mode.ifPresent(m -> all.addAll(m.properties()));
        return all;
    }
}
