package io.polaroid.server;

import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.flight.PolaroidSqlProducer;
import io.polaroid.server.flight.RunningCalls;
import io.polaroid.server.flight.ServerServices;
import io.polaroid.server.flight.SessionCookies;
import io.polaroid.server.flight.StreamThreads;
import io.polaroid.server.hooks.Authorizer;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryLog;
import io.polaroid.server.ingest.BulkStatements;
import io.polaroid.server.ingest.DataArea;
import io.polaroid.server.ingest.IngestService;
import io.polaroid.server.metadata.ServerSqlInfo;
import io.polaroid.server.session.EnginePreparer;
import io.polaroid.server.session.ExecutionRegistry;
import io.polaroid.server.session.SessionRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.LocationSchemes;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Polaroid Flight SQL server: one {@link Engine} (catalog, dataset cache, memory) shared by every
 * client, served over Arrow Flight SQL.
 *
 * <pre>{@code
 * try (PolaroidFlightServer server = PolaroidFlightServer.builder(config).start()) {
 *     System.out.println(server.jdbcUrl());   // jdbc:polaroid://127.0.0.1:50051
 * }
 * }</pre>
 *
 * <p>Security and operations plug in through the builder: an {@link Authorizer} checked before every
 * call does work, a {@link QueryAdmission} that gates running statements, a {@link QueryListener} told
 * about each finished statement, and a customizer of the Flight server (authentication handler, TLS,
 * middleware, extra gRPC services).
 *
 * <p>{@link #close()} stops gracefully: no new calls are accepted, running statements get the configured
 * grace period to finish and are then cancelled, and once they have let go of their memory the engine
 * closes (the catalog is saved on every change, so nothing is lost).
 */
public final class PolaroidFlightServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolaroidFlightServer.class);
    /** How often sessions and unread tickets are checked for expiry. */
    private static final Duration JANITOR_PERIOD = Duration.ofSeconds(30);
    /** How long cancelled statements may take to release their memory once the transport is closed. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);

    private final ServerConfig config;
    private final Engine engine;
    private final BufferAllocator allocator;
    private final SessionRegistry sessions;
    private final ExecutionRegistry executions;
    private final IngestService ingest;
    private final RunningCalls running;
    private final StreamThreads streamThreads;
    private final FlightServer flight;
    private final ScheduledExecutorService janitor;
    private final Object closeLock = new Object();
    private boolean closed;

    private PolaroidFlightServer(ServerConfig config, Engine engine, BufferAllocator allocator,
                                 SessionRegistry sessions, ExecutionRegistry executions, IngestService ingest,
                                 RunningCalls running, StreamThreads streamThreads, FlightServer flight,
                                 ScheduledExecutorService janitor) {
        this.config = config;
        this.engine = engine;
        this.allocator = allocator;
        this.sessions = sessions;
        this.executions = executions;
        this.ingest = ingest;
        this.running = running;
        this.streamThreads = streamThreads;
        this.flight = flight;
        this.janitor = janitor;
    }

    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    /** The port the server listens on (the one picked when the configuration asked for port 0). */
    public int port() {
        return flight.getPort();
    }

    /** The Flight location the server listens at. */
    public Location location() {
        return flight.getLocation();
    }

    /**
     * The URL Polaroid's JDBC driver connects with: {@code jdbc:polaroid://host:port}, with {@code ?tls=true}
     * when the server speaks TLS. A server bound to every interface is named by this machine's host name.
     */
    public String jdbcUrl() {
        boolean tls = LocationSchemes.GRPC_TLS.equals(location().getUri().getScheme());
        return "jdbc:polaroid://" + urlHost(config.host()) + ":" + port() + (tls ? "?tls=true" : "");
    }

    /** The engine the server runs queries on (metrics read its memory). */
    public Engine engine() {
        return engine;
    }

    public ServerConfig config() {
        return config;
    }

    /** Statements running right now. */
    public int runningStatements() {
        return running.count();
    }

    /** Client sessions open right now. */
    public int openSessions() {
        return sessions.size();
    }

    /**
     * Stops the server: refuses new calls, lets running statements finish for the shutdown grace period,
     * cancels the rest, waits for them to release their memory, then closes the sessions and the engine.
     * Idempotent; safe to call from a shutdown hook.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LOG.info("stopping the server on {}", location());
        flight.shutdown();
        try {
            if (!running.awaitNone(config.shutdownGrace())) {
                LOG.info("cancelling {} statement(s) still running after the {} s grace period", running.count(),
                        config.shutdownGrace().toSeconds());
            }
            running.cancelAll("the server is shutting down");
            executions.cancelAll("the server is shutting down");
            flight.close();
            if (!running.awaitNone(RELEASE_WAIT)) {
                LOG.warn("{} statement(s) did not stop in time; their memory may not be released", running.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancelAll("the server is shutting down");
        } finally {
            janitor.shutdownNow();
            awaitJanitor();
            releaseEverything();
        }
        LOG.info("server stopped");
    }

    /** A dataset still loading into memory finishes first: its memory must be back before the engine closes. */
    private void awaitJanitor() {
        try {
            if (!janitor.awaitTermination(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a dataset was still loading into memory when the server stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void releaseEverything() {
        List<Runnable> steps = List.of(
                streamThreads::close,
                sessions::close,
                () -> executions.cancelAll("the server stopped"),
                ingest::cleanUp,
                allocator::close,
                engine::close);
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("stopping the server: a step failed", e);
            }
        }
    }

    private static String urlHost(String host) {
        String name = host;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                name = InetAddress.getLocalHost().getHostName();
            }
        } catch (UnknownHostException e) {
            // keep the configured name
        }
        return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
    }

    /** Builds and starts a server; every hook has a default. */
    public static final class Builder {
        private final ServerConfig config;
        private Authorizer authorizer = Authorizer.ALLOW_ALL;
        private QueryAdmission admission = QueryAdmission.UNLIMITED;
        private QueryListener listener = new QueryLog();
        private final List<Consumer<FlightServer.Builder>> customizers = new ArrayList<>();

        private Builder(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        public Builder admission(QueryAdmission admission) {
            this.admission = Objects.requireNonNull(admission, "admission");
            return this;
        }

        public Builder listener(QueryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Adjusts the Flight server before it is built: an authentication handler, TLS (then also a
         * {@code grpc+tls} location), middleware, extra gRPC services through
         * {@code transportHint("grpc.builderConsumer", ...)}. Customizers run in the order they were added.
         */
        public Builder flightCustomizer(Consumer<FlightServer.Builder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Opens the engine and catalog, registers the configured datasets and starts listening.
         *
         * @throws PolaroidException 08001 if the address cannot be bound, 55006 if the catalog directory is
         *                           in use by another process, or the error of a dataset that cannot be
         *                           registered; nothing is left open then
         */
        public PolaroidFlightServer start() {
            Engine engine = Engine.open(engineConfig());
            List<AutoCloseable> opened = new ArrayList<>();
            opened.add(engine);
            try {
                DatasetBindings.apply(engine.catalog(), config.datasets());
                IngestService ingest = new IngestService(engine.catalog(),
                        config.effectiveIngestDirectory().map(DataArea::new));
                ingest.cleanUp();
                BufferAllocator allocator = engine.rootAllocator().newChildAllocator("flight-server", 0, Long.MAX_VALUE);
                opened.add(0, allocator);
                SessionRegistry sessions = new SessionRegistry(engine::openSession,
                        new EnginePreparer(new BulkStatements(ingest)), config.sessionIdleTimeout());
                opened.add(0, sessions);
                ExecutionRegistry executions = new ExecutionRegistry(config.sessionIdleTimeout());
                RunningCalls running = new RunningCalls();
                StreamThreads streamThreads = new StreamThreads();
                opened.add(0, streamThreads);
                ServerServices services = new ServerServices(engine, sessions, executions, ingest, authorizer,
                        admission, listener, allocator, config.queryMemoryLimitBytes());
                PolaroidSqlProducer producer = new PolaroidSqlProducer(services, running, streamThreads,
                        new ServerSqlInfo(serverVersion()));
                FlightServer flight = listen(allocator, producer);
                opened.add(0, flight);
                ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "polaroid-server-janitor");
                    thread.setDaemon(true);
                    return thread;
                });
                janitor.execute(new CachePreload(engine.catalog()));
                janitor.scheduleWithFixedDelay(() -> expire(sessions, executions), JANITOR_PERIOD.toMillis(),
                        JANITOR_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                PolaroidFlightServer server = new PolaroidFlightServer(config, engine, allocator, sessions, executions,
                        ingest, running, streamThreads, flight, janitor);
                LOG.info("Polaroid Flight SQL server listening on {} ({})", server.location(), server.jdbcUrl());
                return server;
            } catch (RuntimeException | Error e) {
                closeAll(opened, e);
                throw e;
            }
        }

        private EngineConfig engineConfig() {
            EngineConfig.Builder engine = EngineConfig.builder();
            config.catalogDirectory().ifPresentOrElse(engine::catalogDirectory, engine::inMemoryCatalog);
            if (config.memoryLimitBytes() > 0) {
                engine.memoryLimitBytes(config.memoryLimitBytes());
            }
            if (config.queryMemoryLimitBytes() > 0) {
                engine.defaultQueryMemoryLimitBytes(config.queryMemoryLimitBytes());
            }
            if (!config.dataRoots().isEmpty()) {
                // the server writes ingested data itself, below its ingest directory: that must stay readable
                // (created now: a data root must exist, and a fresh catalog has ingested nothing yet)
                List<Path> roots = new ArrayList<>(config.dataRoots());
                config.effectiveIngestDirectory().ifPresent(directory -> roots.add(createIngestDirectory(directory)));
                engine.dataRoots(roots);
            }
            return engine.build();
        }

        private static Path createIngestDirectory(Path directory) {
            try {
                return Files.createDirectories(directory);
            } catch (IOException e) {
                throw new PolaroidException(ErrorCode.IO_ERROR,
                        "cannot create the ingest directory '" + directory + "': " + e.getMessage(), e);
            }
        }

        private FlightServer listen(BufferAllocator allocator, PolaroidSqlProducer producer) {
            Location location = Location.forGrpcInsecure(config.host(), config.port());
            FlightServer.Builder builder = FlightServer.builder(allocator, location, producer)
                    .middleware(SessionCookies.KEY, new SessionCookies.Factory());
            customizers.forEach(customizer -> customizer.accept(builder));
            try {
                return builder.build().start();
            } catch (IOException e) {
                throw new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot listen on " + config.host() + ":"
                        + config.port() + ": " + rootMessage(e), e);
            }
        }

        private static void expire(SessionRegistry sessions, ExecutionRegistry executions) {
            try {
                executions.expire();
                sessions.expireIdle();
            } catch (RuntimeException e) {
                LOG.warn("expiring idle sessions failed", e);
            }
        }

        private static void closeAll(List<AutoCloseable> opened, Throwable failure) {
            for (AutoCloseable resource : opened) {
                try {
                    resource.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
        }

        private static String serverVersion() {
            return Optional.ofNullable(PolaroidFlightServer.class.getPackage().getImplementationVersion())
                    .orElse("development build");
        }
    }
}
