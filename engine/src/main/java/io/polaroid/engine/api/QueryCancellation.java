package io.polaroid.engine.api;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel switch shared between the thread running a query and any thread that wants to stop it
 * ({@code Statement.cancel}, a timeout, a client that went away). Running code polls
 * {@link #throwIfCancelled()} between batches; code blocked elsewhere (a gRPC call, Calcite's
 * enumerable loop) registers a listener.
 */
public final class QueryCancellation {
    private volatile String reason;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Cancels; the first reason wins. Listeners run on the calling thread and must not block. */
    public void cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (this) {
            if (this.reason != null) {
                return;
            }
            this.reason = reason;
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Why the query was cancelled, or {@code null}. */
    public String reason() {
        return reason;
    }

    /** @throws PolaroidException with SQLState 57014 once cancelled */
    public void throwIfCancelled() {
        String why = reason;
        if (why != null) {
            throw new PolaroidException(ErrorCode.QUERY_CANCELED, "query cancelled: " + why);
        }
    }

    /** Runs {@code listener} on cancellation, at once if already cancelled. */
    public void onCancel(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        if (isCancelled()) {
            listener.run();
        }
    }
}
