package io.polaroid.engine;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Shares engines within a JVM: every lease on the same catalog directory gets the same engine (and so
 * the same dataset cache), reference-counted, closed with the last lease. A transient catalog (no
 * directory) is private to its lease. The first lease's configuration wins for a shared engine.
 */
public final class EngineRegistry {
    private static final Map<Path, Shared> ENGINES = new HashMap<>();

    private static final class Shared {
        final Engine engine;
        int leases;

        Shared(Engine engine) {
            this.engine = engine;
        }
    }

    private EngineRegistry() {
    }

    public static EngineLease acquire(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.catalogDirectory().isEmpty()) {
            Engine engine = Engine.open(config);
            return new EngineLease(engine, engine::close);
        }
        Path key = canonical(config.catalogDirectory().get());
        synchronized (ENGINES) {
            Shared shared = ENGINES.get(key);
            if (shared == null) {
                shared = new Shared(Engine.open(config));
                ENGINES.put(key, shared);
            }
            shared.leases++;
            Shared held = shared;
            return new EngineLease(shared.engine, () -> release(key, held));
        }
    }

    private static void release(Path key, Shared shared) {
        synchronized (ENGINES) {
            if (--shared.leases > 0) {
                return;
            }
            ENGINES.remove(key);
        }
        shared.engine.close();
    }

    /** The directory's real path (following links), so two spellings of one directory share an engine. */
    private static Path canonical(Path directory) {
        try {
            Path absolute = directory.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR,
                    "cannot use catalog directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
