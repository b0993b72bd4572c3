package io.polaroid.jdbc;

import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.mode.ConnectionModes;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for Polaroid, configured bean-style as connection pools (HikariCP's
 * {@code dataSourceClassName}), Spring and application servers do: {@link #setUrl URL}, {@link #setUser
 * user}, {@link #setPassword password} and any connection property of the URL's mode through
 * {@link #setProperty}. Each {@link #getConnection()} opens a new connection through {@link PolaroidDriver}
 * directly, so it works without {@code DriverManager} (in class loaders that hide the driver from it).
 *
 * <p>{@link #setLoginTimeout login timeout} bounds how long a remote connection may take to open: it
 * becomes the {@code connectTimeoutMs} property unless that is set explicitly. Embedded and arrow
 * connections open in this JVM and ignore it.
 *
 * <p>Setters are synchronized and {@code getConnection} works on a snapshot of the configuration, so a
 * data source shared by threads stays consistent.
 */
public class PolaroidDataSource implements DataSource {
    static final String USER = "user";
    static final String PASSWORD = "password";
    /** The remote (and auto) modes' bound on opening a connection; see {@link #setLoginTimeout}. */
    static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";

    private static final PolaroidDriver DRIVER = new PolaroidDriver();

    private String url;
    private final Properties properties = new Properties();
    private int loginTimeoutSeconds;
    private PrintWriter logWriter;

    public PolaroidDataSource() {
    }

    public PolaroidDataSource(String url) {
        setUrl(url);
    }

    /** The {@code jdbc:polaroid:...} URL connections are opened with. */
    public synchronized void setUrl(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    public synchronized String getUrl() {
        return url;
    }

    /** Same as {@link #setUrl}: the name some tools (and Spring Boot's binder) use. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    public String getJdbcUrl() {
        return getUrl();
    }

    public void setUser(String user) {
        setProperty(USER, user);
    }

    public synchronized String getUser() {
        return properties.getProperty(USER);
    }

    /** Same as {@link #setUser}. */
    public void setUsername(String user) {
        setUser(user);
    }

    public String getUsername() {
        return getUser();
    }

    public void setPassword(String password) {
        setProperty(PASSWORD, password);
    }

    /**
     * Sets one connection property (any the URL's mode lists in {@code Driver.getPropertyInfo}); a
     * {@code null} value removes it. Properties set here override none in the URL: the URL wins, as with
     * {@code DriverManager}.
     */
    public synchronized void setProperty(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    public synchronized String getProperty(String name) {
        return properties.getProperty(Objects.requireNonNull(name, "name"));
    }

    /** Adds every property of {@code properties} (Hikari's {@code dataSourceProperties} arrive this way). */
    public synchronized void setProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        for (String name : properties.stringPropertyNames()) {
            this.properties.setProperty(name, properties.getProperty(name));
        }
    }

    /** A copy of the connection properties, without the password. */
    public synchronized Properties getProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.remove(PASSWORD);
        return copy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String connectUrl;
        Properties info = new Properties();
        int loginTimeout;
        synchronized (this) {
            connectUrl = url;
            info.putAll(properties);
            loginTimeout = loginTimeoutSeconds;
        }
        if (connectUrl == null) {
            throw new SQLNonTransientConnectionException("the data source has no URL: call setUrl first", "08001");
        }
        if (!DRIVER.acceptsURL(connectUrl)) {
            throw new SQLNonTransientConnectionException("not a Polaroid URL (jdbc:polaroid:...): " + connectUrl,
                    "08001");
        }
        if (loginTimeout > 0 && !info.containsKey(CONNECT_TIMEOUT_MS) && takesConnectTimeout(connectUrl, info)) {
            info.setProperty(CONNECT_TIMEOUT_MS, Long.toString(loginTimeout * 1000L));
        }
        return DRIVER.connect(connectUrl, info);
    }

    /**
     * Whether the URL's mode reads {@code connectTimeoutMs}: only then is the login timeout passed on, so
     * that an embedded connection from a pool (which always sets a login timeout) gets no warning about a
     * property it does not know.
     */
    private static boolean takesConnectTimeout(String url, Properties info) throws SQLException {
        return ConnectionModes.find(ConnectionUrl.parse(url, info).mode())
                .map(mode -> mode.properties().stream().anyMatch(p -> p.name().equals(CONNECT_TIMEOUT_MS)))
                .orElse(false);
    }

    /** A connection as {@code user}, whatever user and password this data source is configured with. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        PolaroidDataSource asUser = copy();
        asUser.setUser(user);
        asUser.setPassword(password);
        return asUser.getConnection();
    }

    private synchronized PolaroidDataSource copy() {
        PolaroidDataSource copy = new PolaroidDataSource();
        copy.url = url;
        copy.properties.putAll(properties);
        copy.loginTimeoutSeconds = loginTimeoutSeconds;
        copy.logWriter = logWriter;
        return copy;
    }

    /** The driver logs through SLF4J; a log writer is kept, as JDBC asks, but nothing is written to it. */
    @Override
    public synchronized PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public synchronized void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public synchronized void setLoginTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw new SQLException("the login timeout must not be negative: " + seconds, "HY000");
        }
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public synchronized int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() {
        return DRIVER.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        Objects.requireNonNull(type, "type");
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("PolaroidDataSource does not wrap a " + type.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Objects.requireNonNull(type, "type").isInstance(this);
    }

    @Override
    public synchronized String toString() {
        return "PolaroidDataSource{url=" + url + "}";
    }
}
