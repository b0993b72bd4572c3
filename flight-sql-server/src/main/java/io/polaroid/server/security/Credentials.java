package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Authorizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who may call a server and what each caller may do, checked and loaded from {@link SecuritySettings}:
 * the users file, the API tokens and the {@link Authorizer} over their roles. Transport-neutral, so the
 * Flight endpoint ({@link ServerSecurity}) and the HTTP endpoint ({@code io.polaroid.http}) authenticate
 * against the same principals; nothing here loads Flight or gRPC classes.
 *
 * @param modes      the effective authentication modes
 * @param users      the password users, for {@link AuthMode#BASIC}
 * @param tokens     the static API tokens (empty without {@link AuthMode#TOKEN})
 * @param authorizer the role check; {@link Authorizer#ALLOW_ALL} without authentication
 */
public record Credentials(Set<AuthMode> modes, Optional<UserDirectory> users, ApiTokens tokens,
                          Authorizer authorizer) {
    public Credentials {
        modes = Set.copyOf(modes);
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(authorizer, "authorizer");
    }

    /**
     * Checks {@code settings} for a server bound to {@code host} and loads the users and token files.
     * Refuses combinations that would silently expose data: no authentication on a non-loopback address,
     * a mode without its credentials, credentials without their mode.
     *
     * @param environment reads environment variables ({@code System::getenv}; tests pass a map)
     * @throws PolaroidException {@code 22023} with a message that says what to change
     */
    public static Credentials load(SecuritySettings settings, String host, UnaryOperator<String> environment) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
        Set<AuthMode> modes = effectiveModes(settings);
        if (modes.contains(AuthMode.NONE)) {
            if (modes.size() > 1) {
                throw invalid("--auth none cannot be combined with basic or token");
            }
            if (settings.usersFile().isPresent() || settings.tokenFile().isPresent()
                    || settings.tokenVariable().isPresent()) {
                throw invalid("--auth none ignores --users, --token-file and --token-env; "
                        + "choose --auth basic and/or --auth token to use them");
            }
            if (!Loopback.isLoopback(host)) {
                throw invalid("refusing to start without authentication on '" + host + "', which is not a "
                        + "loopback address: anyone who can reach it could read and change every dataset. Use "
                        + "--auth basic --users FILE and/or --auth token (--token-file FILE or --token-env NAME), "
                        + "or listen on 127.0.0.1");
            }
            return new Credentials(modes, Optional.empty(), ApiTokens.builder().build(), Authorizer.ALLOW_ALL);
        }
        Optional<UserDirectory> users = Optional.empty();
        if (modes.contains(AuthMode.BASIC)) {
            users = Optional.of(UserDirectory.load(settings.usersFile()
                    .orElseThrow(() -> invalid("--auth basic needs --users FILE"))));
        } else if (settings.usersFile().isPresent()) {
            throw invalid("--users is only used with --auth basic");
        }
        ApiTokens.Builder tokens = ApiTokens.builder();
        if (modes.contains(AuthMode.TOKEN)) {
            if (settings.tokenFile().isEmpty() && settings.tokenVariable().isEmpty()) {
                throw invalid("--auth token needs --token-file FILE and/or --token-env NAME");
            }
            settings.tokenFile().ifPresent(tokens::file);
            settings.tokenVariable().ifPresent(name -> tokens.environment(name, environment.apply(name)));
        } else if (settings.tokenFile().isPresent() || settings.tokenVariable().isPresent()) {
            throw invalid("--token-file and --token-env are only used with --auth token");
        }
        ApiTokens apiTokens = tokens.build();
        List<Principal> principals = new ArrayList<>(apiTokens.principals());
        users.ifPresent(directory -> principals.addAll(directory.principals()));
        return new Credentials(modes, users, apiTokens, new RoleAuthorizer(principals));
    }

    /** Whether callers must prove who they are (any mode but {@code none}). */
    public boolean authenticates() {
        return !modes.contains(AuthMode.NONE);
    }

    /** The modes asked for, or when none were, the ones the given credential sources imply. */
    private static Set<AuthMode> effectiveModes(SecuritySettings settings) {
        if (!settings.authModes().isEmpty()) {
            return settings.authModes();
        }
        Set<AuthMode> implied = EnumSet.noneOf(AuthMode.class);
        if (settings.usersFile().isPresent()) {
            implied.add(AuthMode.BASIC);
        }
        if (settings.tokenFile().isPresent() || settings.tokenVariable().isPresent()) {
            implied.add(AuthMode.TOKEN);
        }
        return implied.isEmpty() ? EnumSet.of(AuthMode.NONE) : implied;
    }

    private static PolaroidException invalid(String message) {
        return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
