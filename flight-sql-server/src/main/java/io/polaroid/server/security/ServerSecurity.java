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
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightServer;

/**
 * A server's security, checked and ready to install: the {@link Authorizer} for the producer and a
 * customizer that puts authentication and TLS on the Flight server builder. {@link #create} refuses
 * combinations that would silently expose data: no authentication on a non-loopback address, a mode
 * without its credentials, credentials without their mode.
 */
public final class ServerSecurity {
    private final Set<AuthMode> modes;
    private final Optional<PolaroidAuthenticator> authenticator;
    private final Authorizer authorizer;
    private final Optional<TlsSettings> tls;

    private ServerSecurity(Set<AuthMode> modes, Optional<PolaroidAuthenticator> authenticator, Authorizer authorizer,
                           Optional<TlsSettings> tls) {
        this.modes = Set.copyOf(modes);
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.tls = tls;
    }

    /**
     * Checks {@code settings} for a server bound to {@code host} and loads the users and token files.
     *
     * @param environment reads environment variables ({@code System::getenv}; tests pass a map)
     * @throws PolaroidException {@code 22023} with a message that says what to change
     */
    public static ServerSecurity create(SecuritySettings settings, String host, UnaryOperator<String> environment) {
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
            return new ServerSecurity(modes, Optional.empty(), Authorizer.ALLOW_ALL, settings.tls());
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
        Authorizer authorizer = new RoleAuthorizer(principals);
        return new ServerSecurity(modes, Optional.of(new PolaroidAuthenticator(users, apiTokens)), authorizer,
                settings.tls());
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

    /** Decides what each authenticated caller may do; allows everything without authentication. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** Installs the header authenticator and TLS on a Flight server builder. */
    public Consumer<FlightServer.Builder> flightCustomizer() {
        return builder -> {
            authenticator.ifPresent(builder::headerAuthenticator);
            tls.ifPresent(settings -> settings.apply(builder));
        };
    }

    public boolean authenticates() {
        return authenticator.isPresent();
    }

    public boolean usesTls() {
        return tls.isPresent();
    }

    /** For the start-up log line: {@code auth=basic+token tls=mutual}. */
    public String summary() {
        String auth = modes.stream().sorted().map(AuthMode::optionName).collect(Collectors.joining("+"));
        String transport = tls.map(t -> t.clientCa().isPresent() ? "mutual" : "on").orElse("off");
        return "auth=" + auth + " tls=" + transport;
    }

    private static PolaroidException invalid(String message) {
        return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
