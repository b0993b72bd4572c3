package io.polaroid.server.security;

import java.util.Objects;

/**
 * An authenticated caller: the name the server sees as {@code CallContext.peerIdentity()} (a user name, or
 * the name given to an API token) and its role.
 */
public record Principal(String name, Role role) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a principal needs a name");
        }
    }
}
