package io.polaroid.cli;

import io.polaroid.cli.serve.HttpEndpointOptions;
import io.polaroid.cli.serve.OperationsOptions;
import io.polaroid.cli.serve.SecurityOptions;
import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.http.HttpSettings;
import io.polaroid.http.PolaroidHttpServer;
import io.polaroid.server.DatasetBindings;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryLog;
import io.polaroid.server.ops.OperationsSettings;
import io.polaroid.server.ops.QueryCap;
import io.polaroid.server.security.Credentials;
import io.polaroid.server.security.SecuritySettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid http}: the HTTP query API alone, for serverless platforms and scripts. It opens the
 * engine and listens with the JDK's HTTP server, nothing else: no Flight, gRPC or Netty, so it starts fast
 * and small. On a platform that sets {@code $PORT} (Cloud Run, Heroku, Fly) it listens there, on every
 * interface; that needs authentication ({@code --auth token}), as a server reachable from outside always
 * does. Security options are {@code polaroid serve}'s, except TLS, which such platforms terminate in front
 * of the process.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Serve the HTTP query API alone (POST /query, GET /health, GET /openapi.json); no Flight.")
final class HttpCommand implements Callable<Integer> {
    /** The variable serverless platforms tell the process its port in. */
    static final String PORT_VARIABLE = "PORT";

    @ParentCommand
    private PolaroidCli cli;

    @Mixin
    private CatalogOption catalog;

    @Option(names = "--in-memory",
            description = "No catalog directory: serve the --dataset bindings only, save nothing (serverless).")
    private boolean inMemory;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 when $PORT is set).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on (default: $PORT when set, else " + HttpSettings.DEFAULT_PORT
                    + "; 0 picks a free one).")
    private Integer port;

    @Mixin
    private DataOptions data;

    @Mixin
    private SecurityOptions security;

    @Mixin
    private OperationsOptions operations;

    @Mixin
    private HttpEndpointOptions endpoint;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        Optional<String> platformPort = cli.environment().variable(PORT_VARIABLE).filter(value -> !value.isBlank());
        String listenHost = host != null ? host : platformPort.isPresent() ? "0.0.0.0" : HttpSettings.DEFAULT_HOST;
        HttpSettings settings = endpoint.settings(listenHost, listenPort(platformPort));
        SecuritySettings securitySettings = security.settings();
        if (securitySettings.tls().isPresent()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "polaroid http does not speak TLS: "
                    + "terminate TLS in front of it (the platform's load balancer, a reverse proxy), or use "
                    + "polaroid serve --http-port for a server with TLS on its Flight endpoint");
        }
        Credentials credentials = Credentials.load(securitySettings, listenHost,
                name -> cli.environment().variable(name).orElse(null));
        QueryAdmission admission = admission(operations.settings());
        PolaroidHome home = cli.home();
        Optional<Path> catalogDirectory = inMemory ? Optional.empty() : Optional.of(catalog.resolve(home));
        Engine engine = Engine.open(engineConfig(catalogDirectory, home));
        PolaroidHttpServer server;
        try {
            DatasetBindings.apply(engine.catalog(), data.datasets());
            server = PolaroidHttpServer.builder(engine, settings).credentials(credentials).admission(admission)
                    .listener(new QueryLog()).start();
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
        Thread hook = new Thread(() -> stop(server, engine), "polaroid-http-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = cli.out();
        out.println("Polaroid HTTP endpoint listening on " + server.url());
        out.println("Catalog: " + catalogDirectory.map(Path::toString).orElse("(in memory)"));
        out.println("Security: auth=" + credentials.modes().stream().map(mode -> mode.optionName()).sorted()
                .reduce((a, b) -> a + "+" + b).orElse("none"));
        out.println("Try: curl -s " + server.url() + "/query -d '{\"sql\": \"SELECT 1 AS one\"}'");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the process (tests): no signal will run the hook
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(server, engine);
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int listenPort(Optional<String> platformPort) {
        if (port != null) {
            return port;
        }
        if (platformPort.isEmpty()) {
            return HttpSettings.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(platformPort.get().strip());
        } catch (NumberFormatException e) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "environment variable PORT is '" + platformPort.get() + "', not a port number");
        }
    }

    private static QueryAdmission admission(OperationsSettings settings) {
        if (settings.metricsPort().isPresent()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "--metrics-port is served by polaroid serve; polaroid http has no metrics endpoint");
        }
        return settings.maxConcurrentQueries() > 0
                ? new QueryCap(settings.maxConcurrentQueries(), settings.queueTimeout())
                : QueryAdmission.UNLIMITED;
    }

    private EngineConfig engineConfig(Optional<Path> catalogDirectory, PolaroidHome home) {
        EngineConfig.Builder engine = EngineConfig.builder();
        catalogDirectory.ifPresentOrElse(engine::catalogDirectory, engine::inMemoryCatalog);
        List<Path> roots = data.dataRoots(home);
        if (!roots.isEmpty()) {
            engine.dataRoots(roots);
        }
        return engine.build();
    }

    private void stop(PolaroidHttpServer server, Engine engine) {
        try {
            server.close();
            engine.close();
        } finally {
            stopped.countDown();
        }
    }
}
