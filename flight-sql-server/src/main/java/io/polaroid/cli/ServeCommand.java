package io.polaroid.cli;

import io.polaroid.cli.serve.HttpEndpointOptions;
import io.polaroid.cli.serve.OperationsOptions;
import io.polaroid.cli.serve.ResourceOptions;
import io.polaroid.cli.serve.SecurityOptions;
import io.polaroid.cli.serve.ServerExtensions;
import io.polaroid.http.PolaroidHttpServer;
import io.polaroid.server.PolaroidFlightServer;
import io.polaroid.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid serve}: serves a catalog over Arrow Flight SQL until the process is told to stop
 * (SIGTERM, Ctrl-C). With no options it serves the default catalog directory, the one {@code polaroid demo}
 * fills, on 127.0.0.1:50051. Stopping is graceful: new calls are refused, running queries get the grace
 * period to finish and are then cancelled, and the catalog is closed (it is saved on every change).
 *
 * <p>Security and operations options ({@code --auth}, {@code --tls-*}, {@code --metrics-port}, ...) are
 * option groups of their own, mixed in below and applied to the server builder.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the catalog over Arrow Flight SQL (JDBC: jdbc:polaroid://host:port).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    private PolaroidCli cli;

    @Mixin
    private CatalogOption catalog;

    @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String host;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Mixin
    private DataOptions data;

    @Mixin
    private ResourceOptions resources;

    @Mixin
    private SecurityOptions security;

    @Mixin
    private OperationsOptions operations;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Also serve the HTTP query API (POST /query) on this port, same engine and security "
                    + "(default: off; 0 picks a free one).")
    private Integer httpPort;

    @Mixin
    private HttpEndpointOptions http;

    /** Counted down once the server has stopped; tests interrupt the command's thread instead. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Authentication, TLS, query cap, metrics and health of the running server. */
    private volatile ServerExtensions extensions;

    @Override
    public Integer call() {
        PolaroidHome home = cli.home();
        ServerConfig config = config(catalog.resolve(home), home);
        extensions = ServerExtensions.create(security, operations, host,
                name -> cli.environment().variable(name).orElse(null));
        PolaroidFlightServer server;
        try {
            server = extensions.configure(PolaroidFlightServer.builder(config)).start();
        } catch (RuntimeException e) {
            extensions.close();
            throw e;
        }
        Optional<PolaroidHttpServer> httpServer;
        try {
            extensions.started(server);  // the metrics port may be taken
            httpServer = startHttp(server);
        } catch (RuntimeException e) {
            stop(server, Optional.empty());
            throw e;
        }
        Thread hook = new Thread(() -> stop(server, httpServer), "polaroid-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = cli.out();
        out.println("Polaroid Flight SQL server listening on " + config.host() + ":" + server.port());
        out.println("Catalog: " + config.catalogDirectory().map(Path::toString).orElse("(in memory)"));
        out.println("JDBC URL: " + server.jdbcUrl() + (extensions.usesTls() ? ";tls=true" : ""));
        httpServer.ifPresent(endpoint -> out.println("HTTP query API: " + endpoint.url() + "/query"));
        out.println("Security and operations: " + extensions.summary());
        out.println("Stop with Ctrl-C (SIGTERM): running queries finish or are cancelled, then it exits.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside the process (tests): no signal will run the hook
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(server, httpServer);
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private ServerConfig config(Path catalogDirectory, PolaroidHome home) {
        ServerConfig.Builder config = ServerConfig.builder()
                .host(host)
                .port(port)
                .catalogDirectory(catalogDirectory);
        data.dataRoots(home).forEach(config::dataRoot);
        data.datasets().forEach(config::dataset);
        return resources.applyTo(config).build();
    }

    /** The HTTP endpoint over the Flight server's engine, users and query cap, when --http-port asks for it. */
    private Optional<PolaroidHttpServer> startHttp(PolaroidFlightServer server) {
        if (httpPort == null) {
            return Optional.empty();
        }
        return Optional.of(PolaroidHttpServer.builder(server.engine(), http.settings(host, httpPort))
                .credentials(extensions.credentials())
                .admission(extensions.admission())
                .listener(extensions.listener())
                .start());
    }

    private void stop(PolaroidFlightServer server, Optional<PolaroidHttpServer> httpServer) {
        try {
            extensions.stopping();
            httpServer.ifPresent(PolaroidHttpServer::close);  // before the Flight server closes the engine
            server.close();
        } finally {
            extensions.close();
            stopped.countDown();
        }
    }
}
