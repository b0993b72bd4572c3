package io.polaroid.jdbc.logging;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 service provider of the driver's all jar (registered there only, see the package documentation):
 * loggers forward to the application's SLF4J, found once when SLF4J initializes this provider, first through the
 * driver's own class loader (a flat class path, an application server's web application) and then through the
 * thread's context class loader (tools that load drivers in a class loader of their own).
 *
 * <p>Markers and MDC are not forwarded (they are classes of another SLF4J); the driver uses neither.
 */
public final class ApplicationLoggingProvider implements SLF4JServiceProvider {
    /** Any SLF4J 2.0.x API: the same value SLF4J's own providers request. */
    private static final String REQUESTED_API_VERSION = "2.0.99";

    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();
    private volatile ILoggerFactory loggerFactory;

    /** Called by SLF4J's service loader; {@link #initialize()} finds the application's SLF4J. */
    public ApplicationLoggingProvider() {
    }

    @Override
    public void initialize() {
        List<ClassLoader> loaders = new ArrayList<>(2);
        loaders.add(ApplicationLoggingProvider.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loggerFactory = new ApplicationLoggerFactory(ApplicationSlf4j.find(loaders));
    }

    /** The forwarding factory; silent (every logger a no-op) until {@link #initialize()} ran. */
    @Override
    public ILoggerFactory getLoggerFactory() {
        ILoggerFactory factory = loggerFactory;
        return factory != null ? factory : ApplicationLoggerFactory.SILENT;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
