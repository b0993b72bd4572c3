package io.polaroid.server.security;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The security options of a server as given ({@code --auth}, {@code --users}, {@code --token-file},
 * {@code --token-env}, TLS), before they are checked and turned into a {@link ServerSecurity}.
 *
 * @param authModes     the modes asked for; empty means: {@code none} unless credential sources are
 *                      given, then the modes those sources imply
 * @param usersFile     {@code name:role:pbkdf2-hash} lines, for {@code basic}
 * @param tokenFile     {@code name:role:token} lines, for {@code token}
 * @param tokenVariable the environment variable holding an admin token, for {@code token}
 * @param tls           TLS for the Flight endpoint, if any
 */
public record SecuritySettings(Set<AuthMode> authModes, Optional<Path> usersFile, Optional<Path> tokenFile,
                               Optional<String> tokenVariable, Optional<TlsSettings> tls) {
    public SecuritySettings {
        authModes = Set.copyOf(Objects.requireNonNull(authModes, "authModes"));
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(tokenVariable, "tokenVariable");
        Objects.requireNonNull(tls, "tls");
    }

    /** No authentication, no TLS: a loopback-only development server. */
    public static SecuritySettings none() {
        return new SecuritySettings(Set.of(AuthMode.NONE), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
