package io.polaroid.jdbc.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.NOPLogger;

/**
 * The application's own SLF4J, reached by reflection because its classes are not the driver's: in the all jar the
 * driver's SLF4J is relocated, so the application's {@code org.slf4j.LoggerFactory} (1.7 or 2.x) is a foreign class
 * found by name. Only what SLF4J 1.7 and 2.x both have is used: {@code LoggerFactory.getLogger(String)} and, on the
 * {@code Logger} it returns, {@code isXxxEnabled()} and {@code xxx(String, Throwable)}; the method handles are
 * resolved once here. Immutable and thread-safe.
 */
final class ApplicationSlf4j {
    private static final MethodType GET_LOGGER = MethodType.methodType(Object.class, String.class);

    private final MethodHandle getLogger;
    private final Map<Level, LevelMethods> levels;

    private ApplicationSlf4j(MethodHandle getLogger, Map<Level, LevelMethods> levels) {
        this.getLogger = getLogger;
        this.levels = levels;
    }

    /**
     * The SLF4J visible to the first of {@code loaders} that has one; empty when none has (the driver is then silent).
     * Never prints anything, whatever goes wrong: a failed lookup is the same as no SLF4J.
     */
    static Optional<ApplicationSlf4j> find(List<ClassLoader> loaders) {
        Objects.requireNonNull(loaders, "loaders");
        for (ClassLoader loader : loaders) {
            Optional<ApplicationSlf4j> found = bind(loader);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ApplicationSlf4j> bind(ClassLoader loader) {
        Class<?> loggerFactory;
        try {
            loggerFactory = Class.forName(applicationLoggerFactoryName(), false, loader);
        } catch (ClassNotFoundException | LinkageError noSlf4j) {
            return Optional.empty();
        }
        if (loggerFactory == org.slf4j.LoggerFactory.class) {
            // The driver's own SLF4J (only when not relocated, i.e. this provider registered outside the all jar):
            // forwarding to it would forward to this provider again.
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Method getLoggerMethod = loggerFactory.getMethod("getLogger", String.class);
            MethodHandle getLogger = lookup.unreflect(getLoggerMethod);
            Class<?> loggerInterface = getLoggerMethod.getReturnType(); // the application's org.slf4j.Logger
            Map<Level, LevelMethods> levels = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                levels.put(level, LevelMethods.of(lookup, loggerInterface, level));
            }
            return Optional.of(new ApplicationSlf4j(getLogger.asType(GET_LOGGER), levels));
        } catch (ReflectiveOperationException | LinkageError | SecurityException unusable) {
            return Optional.empty();
        }
    }

    /**
     * {@code org.slf4j.LoggerFactory}, assembled at run time: the shade plugin rewrites every string constant that
     * names a class of a relocated package, so the literal would become the driver's own relocated LoggerFactory.
     */
    private static String applicationLoggerFactoryName() {
        return String.join(".", "org", "slf4j", "LoggerFactory");
    }

    /**
     * A driver logger forwarding to the application's logger of {@code name}; a no-op if the application's
     * {@code getLogger} fails (its logging is then broken for this name anyway, and the driver must not add noise).
     */
    Logger logger(String name) {
        Objects.requireNonNull(name, "name");
        Object target;
        try {
            target = getLogger.invokeExact(name);
        } catch (RuntimeException | LinkageError broken) {
            return NOPLogger.NOP_LOGGER;
        } catch (Error fatal) {
            throw fatal;
        } catch (Throwable undeclared) {
            throw new IllegalStateException("getLogger(String) declares no checked exception", undeclared);
        }
        return target == null ? NOPLogger.NOP_LOGGER : new ForwardingLogger(name, target, levels);
    }
}
