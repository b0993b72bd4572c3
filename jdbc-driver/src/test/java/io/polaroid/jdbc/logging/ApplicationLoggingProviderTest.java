package io.polaroid.jdbc.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.StandardError;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * The forwarding provider against a real "application" SLF4J: a second copy of slf4j-api and slf4j-simple (the jars
 * of this test class path) in a class loader of its own, so its classes are not the driver's, as in the all jar.
 */
class ApplicationLoggingProviderTest {

    @Test
    void forwardsFormattedMessagesAndThrowablesToTheApplicationsLoggerOfTheSameName() throws Throwable {
        try (URLClassLoader application = applicationSlf4j()) {
            ApplicationLoggerFactory factory = new ApplicationLoggerFactory(ApplicationSlf4j.find(List.of(application)));
            Logger logger = factory.getLogger("io.polaroid.test.Forwarding");
            assertSame(logger, factory.getLogger("io.polaroid.test.Forwarding"), "one logger per name");
            assertTrue(logger.isWarnEnabled());
            assertFalse(logger.isDebugEnabled(), "slf4j-simple's default level is info");
            String stderr = StandardError.during(() -> {
                logger.warn("answer {} of {}", 42, "everything", new IllegalStateException("boom"));
                logger.debug("not enabled, so never formatted or forwarded");
            });
            assertTrue(stderr.contains("WARN io.polaroid.test.Forwarding - answer 42 of everything"), stderr);
            assertTrue(stderr.contains("java.lang.IllegalStateException: boom"), stderr);
            assertFalse(stderr.contains("never formatted"), stderr);
        }
    }

    @Test
    void withoutAnApplicationSlf4jEveryLoggerIsASilentNoOp() {
        ApplicationLoggerFactory factory = new ApplicationLoggerFactory(
                ApplicationSlf4j.find(List.of(ClassLoader.getPlatformClassLoader())));
        Logger logger = factory.getLogger("io.polaroid.test.Silent");
        assertSame(NOPLogger.NOP_LOGGER, logger);
        assertFalse(logger.isErrorEnabled());
    }

    @Test
    void theDriversOwnSlf4jIsNeverTakenForTheApplications() {
        // forwarding to it would loop back into this provider
        assertTrue(ApplicationSlf4j.find(List.of(ApplicationSlf4j.class.getClassLoader())).isEmpty());
    }

    @Test
    void theProviderLooksInTheContextClassLoaderWhenTheDriversLoaderHasNoOtherSlf4j() throws Exception {
        ApplicationLoggingProvider provider = new ApplicationLoggingProvider();
        assertSame(NOPLogger.NOP_LOGGER, provider.getLoggerFactory().getLogger("before.initialize"));
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader application = applicationSlf4j()) {
            thread.setContextClassLoader(application);
            try {
                provider.initialize();
            } finally {
                thread.setContextClassLoader(original);
            }
            Logger logger = provider.getLoggerFactory().getLogger("io.polaroid.test.Context");
            assertNotSame(NOPLogger.NOP_LOGGER, logger);
            assertTrue(logger.isInfoEnabled());
        }
    }

    /** slf4j-api and slf4j-simple again, beside nothing else (parent: the platform loader). */
    private static URLClassLoader applicationSlf4j() throws ClassNotFoundException {
        URL api = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL simple = Class.forName("org.slf4j.simple.SimpleLogger").getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader("application", new URL[] {api, simple}, ClassLoader.getPlatformClassLoader());
    }
}
