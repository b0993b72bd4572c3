package io.polaroid.jdbc.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * The two methods of one level on the application's {@code org.slf4j.Logger} interface, e.g. {@code isWarnEnabled()}
 * and {@code warn(String, Throwable)}: present with these signatures in SLF4J 1.7 and 2.x alike.
 *
 * @param isEnabled {@code (Object logger) boolean}
 * @param log       {@code (Object logger, String message, Throwable thrown) void}; {@code thrown} may be null
 */
record LevelMethods(MethodHandle isEnabled, MethodHandle log) {
    private static final MethodType IS_ENABLED = MethodType.methodType(boolean.class, Object.class);
    private static final MethodType LOG = MethodType.methodType(void.class, Object.class, String.class, Throwable.class);

    LevelMethods {
        Objects.requireNonNull(isEnabled, "isEnabled");
        Objects.requireNonNull(log, "log");
    }

    static LevelMethods of(MethodHandles.Lookup lookup, Class<?> loggerInterface, Level level)
            throws ReflectiveOperationException {
        String method = level.name().toLowerCase(Locale.ROOT);
        String check = "is" + Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Enabled";
        return new LevelMethods(
                lookup.findVirtual(loggerInterface, check, MethodType.methodType(boolean.class)).asType(IS_ENABLED),
                lookup.findVirtual(loggerInterface, method,
                        MethodType.methodType(void.class, String.class, Throwable.class)).asType(LOG));
    }

    boolean isEnabled(Object logger) {
        try {
            return (boolean) isEnabled.invokeExact(logger);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable undeclared) {
            throw new IllegalStateException("isEnabled declares no checked exception", undeclared);
        }
    }

    void log(Object logger, String message, Throwable thrown) {
        try {
            log.invokeExact(logger, message, thrown);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable undeclared) {
            throw new IllegalStateException("a log method declares no checked exception", undeclared);
        }
    }
}
