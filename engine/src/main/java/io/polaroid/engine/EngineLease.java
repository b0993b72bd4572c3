package io.polaroid.engine;

import java.util.Objects;

/**
 * A hold on a shared {@link Engine} from {@link EngineRegistry}. Closing the lease (once; later calls do
 * nothing) releases the hold; the engine closes when its last lease does.
 */
public final class EngineLease implements AutoCloseable {
    private final Engine engine;
    private final Runnable release;
    private boolean closed;

    EngineLease(Engine engine, Runnable release) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.release = Objects.requireNonNull(release, "release");
    }

    public Engine engine() {
        if (closed) {
            throw new IllegalStateException("the engine lease is closed");
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
