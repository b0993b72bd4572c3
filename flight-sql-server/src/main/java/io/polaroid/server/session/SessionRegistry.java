package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open {@link ClientSession}, by id, and every prepared statement, by handle.
 *
 * <p>Statement handles are found without the session cookie: a client that keeps no cookies still
 * reaches the statements it prepared, because their handles are unguessable ({@link Handles}). A handle
 * is only honoured for the peer identity that created it. Sessions unused for the idle timeout are closed
 * by {@link #expireIdle()}, which the server calls periodically.
 */
public final class SessionRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
    /**
     * How long a session nobody came back to (see {@link ClientSession#unclaimed()}) is kept: a client
     * without cookies opens one per call, and those must not pile up for the whole idle timeout.
     */
    static final long UNCLAIMED_NANOS = Duration.ofMinutes(1).toNanos();

    private final Supplier<SqlSession> sessions;
    private final StatementPreparer preparer;
    private final long idleNanos;
    private final Map<String, ClientSession> byId = new ConcurrentHashMap<>();
    private final Map<ByteString, ClientSession> statementOwners = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param sessions opens an engine session for each new client session
     * @param preparer makes the statements clients prepare
     */
    public SessionRegistry(Supplier<SqlSession> sessions, StatementPreparer preparer, Duration idleTimeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.preparer = Objects.requireNonNull(preparer, "preparer");
        this.idleNanos = Objects.requireNonNull(idleTimeout, "idleTimeout").toNanos();
    }

    /** What makes the statements of clients; ad-hoc statements use it without registering a handle. */
    public StatementPreparer preparer() {
        return preparer;
    }

    /** Opens a new session for {@code identity}. */
    public ClientSession open(String identity) {
        Objects.requireNonNull(identity, "identity");
        if (closed) {
            throw shuttingDown();
        }
        ClientSession session = new ClientSession(Handles.nextSessionId(), identity, sessions.get());
        byId.put(session.id(), session);
        if (closed) {  // lost a race with close(): do not leave a session behind
            byId.remove(session.id());
            session.close();
            throw shuttingDown();
        }
        return session;
    }

    /** The open session {@code id} of {@code identity}, if there is one. */
    public Optional<ClientSession> find(String id, String identity) {
        ClientSession session = byId.get(id);
        return session != null && !session.isClosed() && session.identity().equals(identity)
                ? Optional.of(session) : Optional.empty();
    }

    /** Prepares {@code sql} in {@code session} and registers the statement under a new handle. */
    public ServerStatement prepare(ClientSession session, String sql) {
        ServerStatement statement = preparer.prepare(session, Handles.next(), sql);
        session.add(statement);
        statementOwners.put(statement.handle(), session);
        if (session.isClosed()) {  // closed meanwhile: its close() may have missed this statement
            closeStatement(statement.handle(), session.identity());
            throw new PolaroidException(ErrorCode.CONNECTION_LOST, "the session was closed");
        }
        return statement;
    }

    /**
     * The prepared statement {@code handle} of {@code identity} and the session holding it.
     *
     * @throws PolaroidException {@link ErrorCode#INVALID_STATEMENT} (42000) if there is no such statement
     */
    public Owned statement(ByteString handle, String identity) {
        ClientSession session = statementOwners.get(handle);
        if (session != null && session.identity().equals(identity)) {
            Optional<ServerStatement> statement = session.statement(handle);
            if (statement.isPresent() && !statement.get().isClosed()) {
                return new Owned(session, statement.get());
            }
        }
        throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "prepared statement " + Handles.hex(handle)
                + " does not exist: it was closed, its session expired, or the server restarted");
    }

    /** A statement and the session it belongs to. */
    public record Owned(ClientSession session, ServerStatement statement) {
    }

    /** Closes a prepared statement; returns whether {@code identity} had one with that handle. */
    public boolean closeStatement(ByteString handle, String identity) {
        ClientSession session = statementOwners.get(handle);
        if (session == null || !session.identity().equals(identity)) {
            return false;
        }
        statementOwners.remove(handle);
        return session.closeStatement(handle);
    }

    /** Closes session {@code id} of {@code identity} with its statements; returns whether it was open. */
    public boolean close(String id, String identity) {
        Optional<ClientSession> session = find(id, identity);
        session.ifPresent(this::remove);
        return session.isPresent();
    }

    /** Closes sessions no call has used for the idle timeout; returns how many. */
    public int expireIdle() {
        long now = System.nanoTime();
        int expired = 0;
        for (ClientSession session : List.copyOf(byId.values())) {
            if (session.idleFor(idleNanos, now)
                    || session.unclaimed() && session.idleFor(Math.min(idleNanos, UNCLAIMED_NANOS), now)) {
                LOG.debug("session {} expired after {} ms unused", session.id(), idleNanos / 1_000_000);
                remove(session);
                expired++;
            }
        }
        return expired;
    }

    public int size() {
        return byId.size();
    }

    private void remove(ClientSession session) {
        byId.remove(session.id());
        session.statementHandles().forEach(statementOwners::remove);
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("closing session {} failed", session.id(), e);
        }
    }

    /** Closes every session (cancelling their running queries); new sessions are refused from now on. */
    @Override
    public void close() {
        closed = true;
        for (ClientSession session : List.copyOf(byId.values())) {
            remove(session);
        }
    }

    private static PolaroidException shuttingDown() {
        return new PolaroidException(ErrorCode.CONNECTION_FAILURE, "the server is shutting down");
    }
}
