package io.polaroid.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.polaroid.engine.Engine;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryLog;
import io.polaroid.server.security.Credentials;
import io.polaroid.server.security.SecuritySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP query API over an {@link Engine}: {@code POST /query}, {@code GET /health},
 * {@code GET /openapi.json}. It runs beside the Flight SQL server on the same engine
 * ({@code polaroid serve --http-port}), or alone ({@code polaroid http}) for serverless and scripted
 * callers.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver}: no dependency, nothing to initialize but a
 * selector thread, which is what a process that must answer its first request within half a second of
 * launch needs. Netty (already on the class path for gRPC) would add its event loops, allocator and a few
 * thousand classes to every cold start; Jetty or Undertow would add a dependency of their own for features
 * (HTTP/2, servlets) the API does not use. Each request is handled on a bounded pool of threads: a query
 * holds its thread while it streams, blocking on the socket when the client reads slowly, which is the
 * back-pressure that keeps a large result out of memory.
 *
 * <p>The server does not own the engine: {@link #close()} lets running queries finish for the grace
 * period, cancels the rest, and stops listening; the caller closes the engine afterwards.
 */
public final class PolaroidHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolaroidHttpServer.class);
    /** How long cancelled queries may take to release their memory once cancelled. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);

    private final HttpSettings settings;
    private final HttpServer http;
    private final ExecutorService workers;
    private final BufferAllocator allocator;
    private final RunningQueries running;
    private volatile boolean stopping;
    private boolean closed;

    private PolaroidHttpServer(HttpSettings settings, HttpServer http, ExecutorService workers,
                               BufferAllocator allocator, RunningQueries running) {
        this.settings = settings;
        this.http = http;
        this.workers = workers;
        this.allocator = allocator;
        this.running = running;
    }

    public static Builder builder(Engine engine, HttpSettings settings) {
        return new Builder(engine, settings);
    }

    /** The port the server listens on (the one picked when the settings asked for port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public String url() {
        String host = settings.host().indexOf(':') >= 0 ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** Queries running right now. */
    public int runningQueries() {
        return running.count();
    }

    /**
     * Stops: {@code /health} turns 503 and new queries are refused at once, running queries get the grace
     * period to finish and are then cancelled; once they have released their memory the server stops
     * listening. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        try {
            if (!running.awaitNone(settings.shutdownGrace())) {
                LOG.info("cancelling {} HTTP quer(ies) still running after the grace period", running.count());
            }
            running.cancelAll("the server is shutting down");
            if (!running.awaitNone(RELEASE_WAIT)) {
                LOG.warn("{} HTTP quer(ies) did not stop in time; their memory may not be released", running.count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancelAll("the server is shutting down");
        } finally {
            http.stop(0);
            workers.shutdownNow();
            awaitWorkers();
            closeAllocator();
        }
        LOG.info("HTTP endpoint stopped");
    }

    /** A query that never let go of its memory must not keep the rest of the shutdown (the engine) from running. */
    private void closeAllocator() {
        try {
            allocator.close();
        } catch (RuntimeException e) {
            LOG.error("the HTTP endpoint's memory was not all released", e);
        }
    }

    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("HTTP request threads did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts the server; security and operations default to an open loopback server. */
    public static final class Builder {
        private final Engine engine;
        private final HttpSettings settings;
        private Credentials credentials;
        private QueryAdmission admission = QueryAdmission.UNLIMITED;
        private QueryListener listener = new QueryLog();

        private Builder(Engine engine, HttpSettings settings) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The users, API tokens and roles (those of the Flight server when both run). */
        public Builder credentials(Credentials value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public Builder admission(QueryAdmission value) {
            this.admission = Objects.requireNonNull(value, "admission");
            return this;
        }

        public Builder listener(QueryListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * @throws PolaroidException 08001 if the address cannot be bound; 22023 without credentials on an
         *                           address that is not loopback
         */
        public PolaroidHttpServer start() {
            Credentials security = credentials != null ? credentials
                    : Credentials.load(SecuritySettings.none(), settings.host(), name -> null);
            // Small answers are written as headers then body: without TCP_NODELAY, Nagle's algorithm and the
            // client's delayed ACK hold the second write back ~40 ms. The JDK server reads this property
            // once, when its first instance is created.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            BufferAllocator allocator = engine.rootAllocator().newChildAllocator("http-server", 0, Long.MAX_VALUE);
            ExecutorService workers = workers(settings.threads());
            HttpServer http;
            try {
                http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
            } catch (IOException | RuntimeException e) {
                workers.shutdownNow();
                allocator.close();
                throw new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot listen for HTTP on "
                        + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
            }
            RunningQueries running = new RunningQueries();
            PolaroidHttpServer server = new PolaroidHttpServer(settings, http, workers, allocator, running);
            QueryService queries = new QueryService(engine, security.authorizer(), admission, listener, running,
                    settings.queryMemoryLimitBytes());
            Cors cors = new Cors(settings.corsOrigins());
            route(http, "/query", new QueryHandler(new HttpAuthentication(security), queries, allocator,
                    settings.maxRequestBytes(), () -> server.stopping), cors);
            route(http, "/health", FixedHandlers.health(() -> server.stopping), cors);
            route(http, "/openapi.json", FixedHandlers.openApi(), cors);
            route(http, "/", FixedHandlers.notFound(), cors);
            http.setExecutor(workers);
            http.start();
            LOG.info("Polaroid HTTP endpoint listening on {}", server.url());
            return server;
        }

        private static void route(HttpServer http, String path, HttpHandler handler, Cors cors) {
            HttpContext context = http.createContext(path, handler);
            context.getFilters().add(cors);
        }

        private static ExecutorService workers(int threads) {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "polaroid-http-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);  // an idle serverless instance keeps no threads
            return pool;
        }
    }
}
