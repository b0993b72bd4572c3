package io.polaroid.jdbc.remote;

import io.polaroid.jdbc.config.ConnectionProperty;
import java.util.List;

/** The connection properties of the remote mode, as {@code Driver.getPropertyInfo} lists them. */
public final class RemoteProperties {
    private static final List<String> BOOLEAN = List.of("true", "false");

    public static final ConnectionProperty USER = ConnectionProperty.of("user",
            "User name for basic authentication: sent once with the password, which the server exchanges for a "
                    + "bearer token used by every later call. Leave empty for a server without authentication or "
                    + "when a token is given.", "");
    public static final ConnectionProperty PASSWORD = ConnectionProperty.of("password",
            "Password of the user for basic authentication. Send it over tls=true unless the server is on this "
                    + "machine.", "");
    public static final ConnectionProperty TOKEN = ConnectionProperty.of("token",
            "Bearer token (an API key of the server) sent as 'Authorization: Bearer <token>' with every call, "
                    + "instead of user and password.", "");
    public static final ConnectionProperty TLS = new ConnectionProperty("tls",
            "Connect with TLS. The server's certificate is checked against the JVM's trusted certificate "
                    + "authorities, or those of tlsRootCerts.", "false", BOOLEAN);
    public static final ConnectionProperty TLS_ROOT_CERTS = ConnectionProperty.of("tlsRootCerts",
            "Path of a PEM file with the certificate authorities to trust for the server's certificate (with "
                    + "tls=true), e.g. the CA of a self-signed server certificate.", "");
    public static final ConnectionProperty TLS_CLIENT_CERT = ConnectionProperty.of("tlsClientCert",
            "Path of a PEM file with this client's certificate chain, for a server that requires client "
                    + "certificates (mutual TLS, the server's --tls-client-ca). Needs tls=true and tlsClientKey.", "");
    public static final ConnectionProperty TLS_CLIENT_KEY = ConnectionProperty.of("tlsClientKey",
            "Path of the PEM (PKCS#8, unencrypted) private key of tlsClientCert.", "");
    public static final ConnectionProperty DISABLE_CERTIFICATE_VERIFICATION = new ConnectionProperty(
            "disableCertificateVerification",
            "With tls=true: accept any server certificate without checking it or its host name. The traffic is "
                    + "still encrypted but anyone between client and server can read it: for tests only.",
            "false", BOOLEAN);
    public static final ConnectionProperty CONNECT_TIMEOUT_MS = ConnectionProperty.of("connectTimeoutMs",
            "How long opening a connection may take in milliseconds: reaching the server, authenticating and the "
                    + "first round trip. A server that does not answer in time fails the connection with SQLState "
                    + "08001.", "10000");

    public static final List<ConnectionProperty> ALL = List.of(USER, PASSWORD, TOKEN, TLS, TLS_ROOT_CERTS,
            TLS_CLIENT_CERT, TLS_CLIENT_KEY, DISABLE_CERTIFICATE_VERIFICATION, CONNECT_TIMEOUT_MS);

    private RemoteProperties() {
    }
}
