package io.polaroid.jdbc.mode;

/**
 * How {@code Connection.isValid(timeout)} finds out whether a backend still answers. An in-process
 * backend is alive as long as it is open; a remote one makes a round trip to its server.
 */
@FunctionalInterface
public interface LivenessCheck {
    /** For backends in this JVM: nothing can go away underneath them while they are open. */
    LivenessCheck IN_PROCESS = timeoutSeconds -> true;

    /**
     * Whether the backend answers within {@code timeoutSeconds} (0: no limit of its own). Never throws:
     * any failure means "not valid".
     */
    boolean isAlive(int timeoutSeconds);
}
