package io.polaroid.cli.serve;

import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.ops.ServerOperations;
import io.polaroid.server.security.Credentials;
import io.polaroid.server.security.ServerSecurity;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * What {@code polaroid serve} adds to a {@link PolaroidFlightServer} from its security and operations
 * options, with the lifecycle the server itself does not know about: health turns SERVING once the server
 * listens and NOT_SERVING before it starts to drain; the metrics endpoint lives as long as the server.
 */
public final class ServerExtensions implements AutoCloseable {
    private final ServerSecurity security;
    private final ServerOperations operations;

    private ServerExtensions(ServerSecurity security, ServerOperations operations) {
        this.security = security;
        this.operations = operations;
    }

    /**
     * Checks the options for a server listening on {@code host}; {@code 22023} for a combination that must
     * not start (no authentication on a non-loopback address, say).
     *
     * @param environment reads environment variables (for {@code --token-env})
     */
    public static ServerExtensions create(SecurityOptions securityOptions, OperationsOptions operationsOptions,
                                          String host, UnaryOperator<String> environment) {
        Objects.requireNonNull(securityOptions, "securityOptions");
        Objects.requireNonNull(operationsOptions, "operationsOptions");
        ServerSecurity security = ServerSecurity.create(securityOptions.settings(), host, environment);
        return new ServerExtensions(security, new ServerOperations(operationsOptions.settings(), host));
    }

    /** Installs authorization, admission, the query listener, authentication, TLS and health. */
    public PolaroidFlightServer.Builder configure(PolaroidFlightServer.Builder builder) {
        return builder.authorizer(security.authorizer())
                .admission(operations.admission())
                .listener(operations.listener())
                .flightCustomizer(security.flightCustomizer())
                .flightCustomizer(operations.flightCustomizer());
    }

    /** The users, tokens and roles the server was started with, for its HTTP endpoint. */
    public Credentials credentials() {
        return security.credentials();
    }

    /** The query cap the Flight endpoint uses, so the HTTP endpoint shares it. */
    public QueryAdmission admission() {
        return operations.admission();
    }

    /** The per-statement log line and metrics. */
    public QueryListener listener() {
        return operations.listener();
    }

    /** The server listens: metrics start, health reports SERVING. */
    public void started(PolaroidFlightServer server) {
        operations.started(server.engine().rootAllocator());
    }

    /** For the start-up banner: {@code auth=token tls=on metrics=:9090}. */
    public String summary() {
        OptionalInt metrics = operations.metricsPort();
        return security.summary() + (metrics.isPresent() ? " metrics=:" + metrics.getAsInt() : "");
    }

    public boolean usesTls() {
        return security.usesTls();
    }

    /** Shutdown begins: health reports NOT_SERVING while statements drain. */
    public void stopping() {
        operations.stopping();
    }

    @Override
    public void close() {
        operations.close();
    }
}
