package io.polaroid.server.security;

import io.polaroid.server.hooks.Authorizer;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightServer;

/**
 * A server's security, checked and ready to install: the {@link Authorizer} for the producer and a
 * customizer that puts authentication and TLS on the Flight server builder. The users, tokens and roles
 * themselves are {@link Credentials}, which refuse combinations that would silently expose data.
 */
public final class ServerSecurity {
    private final Credentials credentials;
    private final Optional<PolaroidAuthenticator> authenticator;
    private final Optional<TlsSettings> tls;

    private ServerSecurity(Credentials credentials, Optional<PolaroidAuthenticator> authenticator,
                           Optional<TlsSettings> tls) {
        this.credentials = credentials;
        this.authenticator = authenticator;
        this.tls = tls;
    }

    /**
     * Checks {@code settings} for a server bound to {@code host} and loads the users and token files
     * ({@link Credentials#load}).
     *
     * @param environment reads environment variables ({@code System::getenv}; tests pass a map)
     * @throws io.polaroid.error.PolaroidException {@code 22023} with a message that says what to change
     */
    public static ServerSecurity create(SecuritySettings settings, String host, UnaryOperator<String> environment) {
        Credentials credentials = Credentials.load(settings, host, environment);
        Optional<PolaroidAuthenticator> authenticator = credentials.authenticates()
                ? Optional.of(new PolaroidAuthenticator(credentials.users(), credentials.tokens()))
                : Optional.empty();
        return new ServerSecurity(credentials, authenticator, settings.tls());
    }

    /** The users, tokens and roles, for another endpoint of the same server (HTTP). */
    public Credentials credentials() {
        return credentials;
    }

    /** Decides what each authenticated caller may do; allows everything without authentication. */
    public Authorizer authorizer() {
        return credentials.authorizer();
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
        String auth = credentials.modes().stream().sorted().map(AuthMode::optionName).collect(Collectors.joining("+"));
        String transport = tls.map(t -> t.clientCa().isPresent() ? "mutual" : "on").orElse("off");
        return "auth=" + auth + " tls=" + transport;
    }
}
