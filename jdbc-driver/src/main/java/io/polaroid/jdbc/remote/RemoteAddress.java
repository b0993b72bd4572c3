package io.polaroid.jdbc.remote;

import java.util.Objects;

/**
 * Where a Flight SQL server listens. {@link #toString()} is the {@code host:port} form messages name
 * (IPv6 hosts in brackets).
 */
public record RemoteAddress(String host, int port) {
    /** The port {@code polaroid serve} listens on by default, used when a URL names none. */
    public static final int DEFAULT_PORT = 50051;

    public RemoteAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
