package io.polaroid.jdbc.logging;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * Loggers of the driver by name: each forwards to the application's logger of the same name, or is a no-op when the
 * application has no SLF4J (nothing is printed then, not even a notice). Thread-safe; one logger per name.
 */
final class ApplicationLoggerFactory implements ILoggerFactory {
    /** No application SLF4J: every logger is a no-op. */
    static final ApplicationLoggerFactory SILENT = new ApplicationLoggerFactory(Optional.empty());

    private final Optional<ApplicationSlf4j> application;
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    ApplicationLoggerFactory(Optional<ApplicationSlf4j> application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    @Override
    public Logger getLogger(String name) {
        Objects.requireNonNull(name, "name");
        if (application.isEmpty()) {
            return NOPLogger.NOP_LOGGER;
        }
        Logger existing = loggers.get(name);
        if (existing != null) {
            return existing;
        }
        // Not computeIfAbsent: the application's getLogger may initialize its logging back end, which must not run
        // while this map holds a lock. Two threads may both ask it; the first logger stored wins.
        Logger created = application.get().logger(name);
        Logger raced = loggers.putIfAbsent(name, created);
        return raced != null ? raced : created;
    }
}
