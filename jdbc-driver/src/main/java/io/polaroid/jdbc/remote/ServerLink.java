package io.polaroid.jdbc.remote;

import io.grpc.ManagedChannel;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.auth2.BasicAuthCredentialWriter;
import org.apache.arrow.flight.auth2.BearerCredentialWriter;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.grpc.NettyClientBuilder;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's link to its Flight SQL server: the Flight client with the connection's credentials
 * and cookies (servers keep session state under a cookie), the connection's Arrow memory, and whether
 * the link still works.
 *
 * <p>Once a call finds the server unreachable, the link counts as lost for good: later calls fail at
 * once with 08003 instead of reaching a server that, if it came back, no longer knows this session's
 * prepared statements and settings. {@code Connection.isValid} then answers false, and pools replace
 * the connection.
 */
final class ServerLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);

    private final RemoteSettings settings;
    private final BufferAllocator allocator;
    private final AuthorizationMiddleware authorization = new AuthorizationMiddleware();
    private final ClientCookieMiddleware.Factory cookies = new ClientCookieMiddleware.Factory();
    private final FlightClient client;
    private final FlightSqlClient sql;
    /** Clients for endpoints the server places on other hosts, made when first needed. */
    private final Map<Location, FlightClient> elsewhere = new ConcurrentHashMap<>();
    private volatile String lostBecause;
    /** {@code Connection.setNetworkTimeout}: the longest one wait for the server may last; zero for no limit. */
    private volatile Duration networkTimeout = Duration.ZERO;
    /** Cleared when the server answers that it does not implement CancelFlightInfo. */
    private volatile boolean cancelFlightInfo = true;

    private ServerLink(RemoteSettings settings, BufferAllocator allocator) {
        this.settings = settings;
        this.allocator = allocator;
        Location location = settings.tls()
                ? Location.forGrpcTls(settings.address().host(), settings.address().port())
                : Location.forGrpcInsecure(settings.address().host(), settings.address().port());
        this.client = newClient(location);
        this.sql = new FlightSqlClient(client);
    }

    /**
     * Opens the link and authenticates: checks nothing on the network yet except for basic credentials,
     * which a handshake exchanges for a bearer token. Bounded by {@code connectTimeoutMs}.
     */
    static ServerLink open(RemoteSettings settings) {
        Objects.requireNonNull(settings, "settings");
        BufferAllocator allocator = RemoteMemory.newConnectionAllocator(settings.address());
        ServerLink link;
        try {
            link = new ServerLink(settings, allocator);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
        try {
            link.authenticate();
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private FlightClient newClient(Location location) {
        NettyClientBuilder builder = new NettyClientBuilder(allocator, location);
        ClientTls.configure(builder, settings);
        try {
            return newClient(builder);
        } catch (IllegalArgumentException e) {
            throw ClientTls.unusableFiles(settings, e); // a PEM file that does not parse
        }
    }

    /**
     * The client over a channel whose callbacks run on its network thread ({@code directExecutor}): what
     * they do is short and never blocks (Flight queues each arriving batch for the reader; the middleware
     * copies headers), and every answer then reaches the waiting caller with one thread switch less. A
     * query streaming many batches saves one per batch.
     */
    private FlightClient newClient(NettyClientBuilder builder) {
        ManagedChannel channel = builder.build().directExecutor().build();
        return FlightGrpcUtils.createFlightClient(allocator, channel, List.of(cookies, authorization));
    }

    private void authenticate() {
        Credentials credentials = settings.credentials();
        if (credentials instanceof Credentials.Token token) {
            authorization.use(new BearerCredentialWriter(token.token()));
        } else if (credentials instanceof Credentials.Basic basic) {
            BasicAuthCredentialWriter writer = new BasicAuthCredentialWriter(basic.user(), basic.password());
            try {
                CallScope.withDeadline(settings.connectTimeout(), () -> {
                    client.handshake(new CredentialCallOption(writer));
                    return null;
                });
            } catch (FlightRuntimeException e) {
                if (e.status().code() != FlightStatusCode.UNIMPLEMENTED) {
                    throw FlightCallErrors.fromConnect(e, settings.address(), settings.connectTimeout());
                }
                // a server without the handshake checks the credentials of each call
            }
            if (!authorization.hasBearerToken()) {
                authorization.use(writer);
            }
        }
    }

    RemoteAddress address() {
        return settings.address();
    }

    RemoteSettings settings() {
        return settings;
    }

    BufferAllocator allocator() {
        return allocator;
    }

    /** The Flight SQL client; callers check {@link #checkUsable()} first and report failures through {@link #failure}. */
    FlightSqlClient sql() {
        return sql;
    }

    /** @throws PolaroidException 08003 once the connection was lost */
    void checkUsable() {
        String why = lostBecause;
        if (why != null) {
            throw new PolaroidException(ErrorCode.CONNECTION_DOES_NOT_EXIST, "the connection to the Flight SQL "
                    + "server at " + settings.address() + " was lost earlier (" + why + "); open a new connection");
        }
    }

    Duration networkTimeout() {
        return networkTimeout;
    }

    void networkTimeout(Duration limit) {
        this.networkTimeout = Objects.requireNonNull(limit, "limit");
    }

    /**
     * The failure of a wait that outlasted the network timeout. JDBC then considers the connection closed: the
     * server may be gone or stuck, and the call's state on it is unknown, so every later call fails with 08003.
     */
    PolaroidException waitedTooLong(long timeoutMillis, FlightRuntimeException e) {
        String why = "the server did not answer within the network timeout of " + timeoutMillis + " ms";
        markLost(why);
        return new PolaroidException(ErrorCode.CONNECTION_LOST, "Flight SQL server at " + settings.address() + ": "
                + why + " (Connection.setNetworkTimeout); the connection is closed", e);
    }

    /** The PolaroidException for a failed call; a lost connection is remembered (see the class comment). */
    PolaroidException failure(FlightRuntimeException e) {
        if (FlightCallErrors.isConnectionLoss(e)) {
            markLost(FlightCallErrors.describe(e));
        }
        return FlightCallErrors.fromCall(e, settings.address());
    }

    /** Remembers the first reason the connection became unusable; later calls fail with 08003 citing it. */
    private void markLost(String why) {
        if (lostBecause == null) {
            lostBecause = why;
            LOG.warn("lost the connection to the Flight SQL server at {}: {}", settings.address(), why);
        }
    }

    /** The stream of an endpoint: on this link unless the endpoint names another place to fetch it from. */
    FlightStream stream(FlightEndpoint endpoint) {
        // locations are alternatives: any one serves the stream
        List<Location> locations = endpoint.getLocations();
        FlightClient target = locations.isEmpty() || isThisServer(locations.get(0)) ? client
                : elsewhere.computeIfAbsent(locations.get(0), this::newClient);
        return target.getStream(endpoint.getTicket());
    }

    private boolean isThisServer(Location location) {
        String scheme = location.getUri().getScheme();
        if (Location.reuseConnection().getUri().getScheme().equals(scheme)) {
            return true;
        }
        String host = location.getUri().getHost();
        int port = location.getUri().getPort();
        return port == settings.address().port() && host != null
                && host.replace("[", "").replace("]", "").equalsIgnoreCase(settings.address().host());
    }

    /**
     * Asks the server to cancel the query of {@code info}, from a background thread: the caller (closing
     * a result, cancelling a statement) must not wait for the server. Failures are only logged: the
     * query's streams were cancelled already, which is all many servers need.
     */
    void cancelOnServer(FlightInfo info) {
        if (!cancelFlightInfo) {
            return;
        }
        inBackground("CancelFlightInfo", () -> {
            try {
                sql.cancelFlightInfo(new CancelFlightInfoRequest(info));
            } catch (FlightRuntimeException e) {
                if (e.status().code() == FlightStatusCode.UNIMPLEMENTED) {
                    cancelFlightInfo = false;
                }
                throw e;
            }
        });
    }

    /**
     * Closes a prepared statement on the server from a background thread. Nobody waits for the answer: a
     * failure only means the server frees the statement when the session ends or idles out.
     */
    void closeOnServer(FlightSqlClient.PreparedStatement statement) {
        inBackground("ClosePreparedStatement", statement::close);
    }

    /**
     * Runs a call nobody waits for on a background thread, bounded by {@code connectTimeoutMs}; failures
     * are logged. Nothing is sent once the connection was lost.
     */
    private void inBackground(String call, Runnable body) {
        if (lostBecause != null) {
            return;
        }
        try {
            RemoteExecutors.background().execute(() -> {
                try {
                    CallScope.withDeadline(settings.connectTimeout(), () -> {
                        body.run();
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.debug("{} to {} failed", call, settings.address(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("could not send {} to {}", call, settings.address(), e);
        }
    }

    /**
     * Tells the server this client's session is over ({@code CloseSession}), so it frees the session's
     * statements and settings now rather than when the session idles out. Best effort and bounded by
     * {@code connectTimeoutMs}: a server without sessions, or one already gone, is no reason to fail a
     * close.
     */
    void endSession() {
        if (lostBecause != null) {
            return;
        }
        try {
            CallScope.withDeadline(settings.connectTimeout(), () -> sql.closeSession(new CloseSessionRequest()));
        } catch (RuntimeException e) {
            LOG.debug("CloseSession on {} failed", settings.address(), e);
        }
    }

    /**
     * A round trip: any answer of the server (even "not implemented") proves it is there; no answer
     * within the time, or a connection error, does not.
     */
    boolean ping(int timeoutSeconds) {
        if (lostBecause != null) {
            return false;
        }
        Duration limit = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : settings.connectTimeout();
        try {
            CallScope.withDeadline(limit, () -> {
                client.listActions().forEach(action -> {
                });
                return null;
            });
            return true;
        } catch (FlightRuntimeException e) {
            FlightStatusCode code = e.status().code();
            if (code == FlightStatusCode.UNAVAILABLE) {
                failure(e);
            }
            return code != FlightStatusCode.UNAVAILABLE && code != FlightStatusCode.TIMED_OUT
                    && code != FlightStatusCode.UNAUTHENTICATED;
        } catch (RuntimeException e) {
            LOG.debug("ping of {} failed", settings.address(), e);
            return false;
        }
    }

    /** Closes the clients (their channels), then the connection's memory, logging what it still held. */
    @Override
    public void close() {
        List<AutoCloseable> clients = new ArrayList<>(elsewhere.values());
        elsewhere.clear();
        clients.add(client);
        for (AutoCloseable each : clients) {
            try {
                each.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("closing the Flight client of {} failed", settings.address(), e);
            }
        }
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            LOG.error("a remote connection to {} leaked Arrow memory: {}", settings.address(), e.getMessage());
        }
    }
}
