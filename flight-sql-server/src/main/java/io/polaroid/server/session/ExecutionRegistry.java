package io.polaroid.server.session;

import com.google.protobuf.ByteString;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions that tickets name, from the {@code GetFlightInfo} that planned them until their
 * {@code DoGet} has finished; running ones can be cancelled from another call ({@code CancelFlightInfo})
 * or all at once (shutdown). Executions never redeemed are dropped after the idle timeout, and at most
 * {@link #MAX_PENDING} wait at any time, so a client that plans queries and never reads them cannot fill
 * the server's memory with plans.
 */
public final class ExecutionRegistry {
    /** Planned but unread executions the server keeps at most. */
    public static final int MAX_PENDING = 10_000;

    private final Map<ByteString, Execution> executions = new ConcurrentHashMap<>();
    private final long pendingNanos;

    public ExecutionRegistry(Duration pendingTimeout) {
        this.pendingNanos = Objects.requireNonNull(pendingTimeout, "pendingTimeout").toNanos();
    }

    /**
     * Plans a run of {@code statement}; returns it with a fresh ticket.
     *
     * @param ownsStatement whether the statement was prepared only for this run (closed with it)
     * @throws PolaroidException 53300 when too many executions wait to be read
     */
    public Execution register(ClientSession session, ServerStatement statement, boolean ownsStatement,
                              List<List<Object>> parameterRows) {
        if (executions.size() >= MAX_PENDING) {
            expire();
            if (executions.size() >= MAX_PENDING) {
                throw new PolaroidException(ErrorCode.TOO_MANY_QUERIES, "more than " + MAX_PENDING
                        + " planned queries wait to be read; read (DoGet) or cancel them first");
            }
        }
        Execution execution = new Execution(Handles.next(), session, statement, ownsStatement, parameterRows);
        executions.put(execution.ticket(), execution);
        return execution;
    }

    /**
     * Redeems a ticket: the execution moves to RUNNING and cannot be redeemed again.
     *
     * @throws PolaroidException 42000 if the ticket is unknown, already redeemed, or not the caller's
     */
    public Execution start(ByteString ticket, String identity) {
        Execution execution = executions.get(ticket);
        if (execution == null || !execution.session().identity().equals(identity) || !execution.start()) {
            throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "ticket " + Handles.hex(ticket) + " is not valid:"
                    + " it was already read, cancelled, or expired, or the server restarted");
        }
        return execution;
    }

    /** Forgets a finished execution and releases what it held. */
    public void finish(Execution execution) {
        executions.remove(execution.ticket());
        execution.finish();
    }

    /** The execution a ticket names, if it is still pending or running and belongs to {@code identity}. */
    public Optional<Execution> find(ByteString ticket, String identity) {
        Execution execution = executions.get(ticket);
        return execution != null && execution.session().identity().equals(identity)
                ? Optional.of(execution) : Optional.empty();
    }

    /**
     * Cancels an execution: a pending one is dropped, a running one is told to stop (its stream then
     * ends with a cancellation error and frees its memory). Returns whether there was one to cancel.
     */
    public boolean cancel(Execution execution, String reason) {
        if (execution.start()) {  // still pending: it never runs
            execution.cancellation().cancel(reason);
            finish(execution);
            return true;
        }
        if (execution.state() == Execution.State.RUNNING) {
            execution.cancellation().cancel(reason);
            return true;
        }
        return false;
    }

    /** Cancels every execution (the server is stopping). */
    public void cancelAll(String reason) {
        for (Execution execution : List.copyOf(executions.values())) {
            cancel(execution, reason);
        }
    }

    /** How many executions are running now. */
    public int running() {
        return (int) executions.values().stream().filter(e -> e.state() == Execution.State.RUNNING).count();
    }

    /** Drops pending executions older than the timeout or whose session was closed. */
    public void expire() {
        long now = System.nanoTime();
        for (Execution execution : List.copyOf(executions.values())) {
            boolean stale = execution.ageNanos(now) >= pendingNanos || execution.session().isClosed();
            if (stale && execution.state() == Execution.State.PENDING) {
                cancel(execution, "it was never read");
            }
        }
    }
}
