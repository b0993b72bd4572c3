package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.engine.api.SqlSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one client's conversation: its engine {@link SqlSession} (current schema, running
 * queries), the prepared statements it holds, and when it was last used. Several calls of one client may
 * use it at once (a JDBC connection browsing metadata while a query streams): the engine session and
 * the statement map are safe for that.
 */
public final class ClientSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final String id;
    private final String identity;
    private final SqlSession sql;
    private final Map<ByteString, ServerStatement> statements = new ConcurrentHashMap<>();
    private final AtomicInteger activeCalls = new AtomicInteger();
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean closed;
    /** Whether a later call came back with this session's cookie: a client that keeps cookies. */
    private volatile boolean resumed;

    ClientSession(String id, String identity, SqlSession sql) {
        this.id = Objects.requireNonNull(id, "id");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** The id its cookie carries. */
    public String id() {
        return id;
    }

    /** The peer identity that opened it; only calls with the same identity may use it. */
    public String identity() {
        return identity;
    }

    public SqlSession sql() {
        return sql;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the session in use by a call until the returned use is closed, so it does not expire while a
     * long query streams.
     */
    public Use use() {
        activeCalls.incrementAndGet();
        lastUsedNanos = System.nanoTime();
        return () -> {
            lastUsedNanos = System.nanoTime();
            activeCalls.decrementAndGet();
        };
    }

    /** A call's hold on the session. */
    @FunctionalInterface
    public interface Use extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether no call has used it for at least {@code idleNanos}. */
    boolean idleFor(long idleNanos, long nowNanos) {
        return activeCalls.get() == 0 && nowNanos - lastUsedNanos >= idleNanos;
    }

    /** Records that a call found this session by its cookie. */
    public void markResumed() {
        resumed = true;
    }

    /**
     * Whether the session only served the call that opened it and nothing depends on it: its client keeps
     * no cookies (or has not come back), and it holds no prepared statement. Such sessions can go early.
     */
    boolean unclaimed() {
        return !resumed && statements.isEmpty();
    }

    void add(ServerStatement statement) {
        statements.put(statement.handle(), statement);
    }

    Optional<ServerStatement> statement(ByteString handle) {
        return Optional.ofNullable(statements.get(handle));
    }

    /** Forgets and closes a statement; returns whether it was this session's. */
    boolean closeStatement(ByteString handle) {
        ServerStatement statement = statements.remove(handle);
        if (statement == null) {
            return false;
        }
        statement.close();
        return true;
    }

    List<ByteString> statementHandles() {
        return List.copyOf(statements.keySet());
    }

    /** Closes every prepared statement and the engine session (cancelling its running queries). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerStatement statement : List.copyOf(statements.values())) {
            try {
                statement.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a statement of session {} failed", id, e);
            }
        }
        statements.clear();
        sql.close();
    }
}
