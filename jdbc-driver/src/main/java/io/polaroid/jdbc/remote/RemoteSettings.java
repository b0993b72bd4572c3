package io.polaroid.jdbc.remote;

import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything a remote connection needs to reach and authenticate to its server, read from a URL
 * ({@code jdbc:polaroid://host:port}, {@code jdbc:polaroid:flight://host:port}) and its properties.
 *
 * @param tlsRootCerts  certificate authorities to trust instead of the JVM's; empty for the JVM's
 * @param clientIdentity the certificate and key this client presents (mutual TLS); empty for none
 * @param verifyServer  whether the server's certificate and host name are checked (TLS only)
 */
record RemoteSettings(RemoteAddress address, Credentials credentials, boolean tls, Optional<Path> tlsRootCerts,
                      Optional<ClientIdentity> clientIdentity, boolean verifyServer, Duration connectTimeout) {

    RemoteSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tlsRootCerts, "tlsRootCerts");
        Objects.requireNonNull(clientIdentity, "clientIdentity");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The PEM certificate chain and private key a client presents to a server that requires one. */
    record ClientIdentity(Path certificate, Path privateKey) {
        ClientIdentity {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** @throws SQLException 08001 naming what is wrong (never a secret's value) */
    static RemoteSettings from(ConnectionUrl url) throws SQLException {
        Properties properties = url.properties();
        RemoteAddress address = address(url);
        boolean tls = PropertyValues.bool(RemoteProperties.TLS, properties);
        boolean verify = !PropertyValues.bool(RemoteProperties.DISABLE_CERTIFICATE_VERIFICATION, properties);
        Optional<Path> roots = pemFile(RemoteProperties.TLS_ROOT_CERTS, properties);
        Optional<ClientIdentity> identity = clientIdentity(properties);
        if (!tls && (roots.isPresent() || identity.isPresent() || !verify)) {
            throw invalid("tlsRootCerts, tlsClientCert and disableCertificateVerification apply to TLS connections "
                    + "only: add tls=true to connect to " + address + " with TLS");
        }
        if (roots.isPresent() && !verify) {
            throw invalid("tlsRootCerts and disableCertificateVerification=true contradict each other: "
                    + "trust the given certificate authorities, or check nothing");
        }
        Duration timeout = Duration.ofMillis(PropertyValues.positiveInt(RemoteProperties.CONNECT_TIMEOUT_MS, properties));
        return new RemoteSettings(address, credentials(properties), tls, roots, identity, verify, timeout);
    }

    /**
     * The server address of a target: {@code //host:port}, {@code //host} (port {@value
     * RemoteAddress#DEFAULT_PORT}), {@code //[::1]:port}; the leading {@code //} may be left out after a
     * mode name ({@code jdbc:polaroid:flight:host:port}).
     */
    static RemoteAddress address(ConnectionUrl url) throws SQLException {
        String target = url.target().trim();
        String text = target.startsWith("//") ? target.substring(2) : target;
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw malformed(url, "the IPv6 address has no closing ]");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw malformed(url, "write the port after the IPv6 address as [address]:port");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw malformed(url, "put an IPv6 address in brackets, e.g. //[::1]:50051");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isBlank() || host.contains("/")) {
            throw malformed(url, "it names no server; write jdbc:polaroid://host:port, e.g. "
                    + "jdbc:polaroid://localhost:" + RemoteAddress.DEFAULT_PORT);
        }
        return new RemoteAddress(host, port == null ? RemoteAddress.DEFAULT_PORT : port(url, port));
    }

    private static int port(ConnectionUrl url, String text) throws SQLException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(url, "'" + text + "' is not a port number (1 to 65535)");
    }

    private static Credentials credentials(Properties properties) throws SQLException {
        boolean user = RemoteProperties.USER.isSet(properties);
        boolean password = RemoteProperties.PASSWORD.isSet(properties);
        boolean token = RemoteProperties.TOKEN.isSet(properties);
        if (token && (user || password)) {
            throw invalid("give either a token or a user and password, not both");
        }
        if (token) {
            return new Credentials.Token(RemoteProperties.TOKEN.value(properties));
        }
        if (password && !user) {
            throw invalid("a password was given without a user: set the user property too");
        }
        if (user) {
            // a password is taken as written: spaces at its ends may be part of it
            String secret = properties.getProperty(RemoteProperties.PASSWORD.name(), "");
            return new Credentials.Basic(RemoteProperties.USER.value(properties), secret);
        }
        return new Credentials.None();
    }

    private static Optional<ClientIdentity> clientIdentity(Properties properties) throws SQLException {
        Optional<Path> certificate = pemFile(RemoteProperties.TLS_CLIENT_CERT, properties);
        Optional<Path> key = pemFile(RemoteProperties.TLS_CLIENT_KEY, properties);
        if (certificate.isPresent() != key.isPresent()) {
            throw invalid("tlsClientCert and tlsClientKey go together: give the client certificate and its private "
                    + "key, or neither");
        }
        return certificate.map(path -> new ClientIdentity(path, key.get()));
    }

    private static Optional<Path> pemFile(ConnectionProperty property, Properties properties) throws SQLException {
        if (!property.isSet(properties)) {
            return Optional.empty();
        }
        String text = property.value(properties);
        try {
            Path path = Path.of(text);
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                throw invalid(property.name() + " '" + text + "' is not a readable PEM file");
            }
            return Optional.of(path);
        } catch (InvalidPathException e) {
            throw invalid(property.name() + " '" + text + "' is not a valid path: " + e.getMessage());
        }
    }

    private static SQLException malformed(ConnectionUrl url, String why) {
        return invalid("malformed server address in " + url.display() + ": " + why);
    }

    private static SQLException invalid(String message) {
        return new SQLNonTransientConnectionException(message, "08001");
    }

    @Override
    public String toString() {
        return "RemoteSettings{" + address + ", " + credentials + (tls ? ", tls" : "") + "}";
    }
}
