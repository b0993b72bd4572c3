package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.engine.api.QueryCancellation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One planned run of a statement, named by the ticket a {@code GetFlightInfo} handed out: the statement,
 * the parameter rows it runs with (copied when the ticket was made, so binding new ones later does not
 * change it), and its cancel switch. A ticket is redeemed by one {@code DoGet}.
 */
public final class Execution {
    /** Where the execution is in its life. */
    public enum State { PENDING, RUNNING, FINISHED }

    private final ByteString ticket;
    private final ClientSession session;
    private final ServerStatement statement;
    private final boolean ownsStatement;
    private final List<List<Object>> parameterRows;
    private final QueryCancellation cancellation = new QueryCancellation();
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
    private final long createdNanos = System.nanoTime();
    /** Keeps the session from expiring while the ticket waits to be read or streams. */
    private final ClientSession.Use sessionUse;

    Execution(ByteString ticket, ClientSession session, ServerStatement statement, boolean ownsStatement,
              List<List<Object>> parameterRows) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.session = Objects.requireNonNull(session, "session");
        this.statement = Objects.requireNonNull(statement, "statement");
        this.ownsStatement = ownsStatement;
        this.parameterRows = List.copyOf(parameterRows);
        this.sessionUse = session.use();
    }

    public ByteString ticket() {
        return ticket;
    }

    public ClientSession session() {
        return session;
    }

    public ServerStatement statement() {
        return statement;
    }

    /**
     * The parameter rows: the statement runs once per row, its results one after the other. Empty for a
     * statement without parameters (it runs once).
     */
    public List<List<Object>> parameterRows() {
        return parameterRows;
    }

    public QueryCancellation cancellation() {
        return cancellation;
    }

    public State state() {
        return state.get();
    }

    long ageNanos(long nowNanos) {
        return nowNanos - createdNanos;
    }

    /** PENDING to RUNNING; false if it was already redeemed or cancelled. */
    boolean start() {
        return state.compareAndSet(State.PENDING, State.RUNNING);
    }

    /** Marks it finished and releases a statement prepared only for it. Idempotent. */
    void finish() {
        if (state.getAndSet(State.FINISHED) != State.FINISHED) {
            sessionUse.close();
            if (ownsStatement) {
                statement.close();
            }
        }
    }
}
