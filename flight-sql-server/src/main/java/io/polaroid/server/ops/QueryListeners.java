package io.polaroid.server.ops;

import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.hooks.QueryRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners about every statement; one that throws does not keep the others from hearing. */
public final class QueryListeners implements QueryListener {
    private static final Logger LOG = LoggerFactory.getLogger(QueryListeners.class);

    private final List<QueryListener> listeners;

    private QueryListeners(List<QueryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static QueryListener of(QueryListener... listeners) {
        return listeners.length == 1 ? listeners[0] : new QueryListeners(List.of(listeners));
    }

    @Override
    public void onQueryFinished(QueryRecord record) {
        for (QueryListener listener : listeners) {
            try {
                listener.onQueryFinished(record);
            } catch (RuntimeException e) {
                // The contract says listeners must not throw; a buggy one must not break the statement's thread.
                LOG.warn("query listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
