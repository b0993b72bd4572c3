package io.polaroid.jdbc.mode;

import java.time.Duration;

/**
 * What a connection knows of the way to its backend: whether the backend still answers
 * ({@code Connection.isValid}) and how long one wait for an answer may last ({@code Connection.setNetworkTimeout}).
 * A backend in this JVM has no network: it is alive while open, and nothing in it waits for a peer.
 */
public interface BackendLink {
    /** For backends in this JVM: nothing can go away underneath them while they are open. */
    BackendLink IN_PROCESS = new BackendLink() {
        @Override
        public boolean isAlive(int timeoutSeconds) {
            return true;
        }

        @Override
        public void limitEachWait(Duration limit) {
            // no network: a statement's own timeout is the only bound
        }
    };

    /**
     * Whether the backend answers within {@code timeoutSeconds} (0: no limit of its own). Never throws:
     * any failure means "not valid".
     */
    boolean isAlive(int timeoutSeconds);

    /**
     * Bounds every later wait for one answer of the backend (a call's reply, the next batch of a result) by
     * {@code limit}; {@link Duration#ZERO} removes the bound. A wait that runs over fails its statement and
     * leaves the connection unusable, as JDBC prescribes for the network timeout.
     */
    void limitEachWait(Duration limit);
}
