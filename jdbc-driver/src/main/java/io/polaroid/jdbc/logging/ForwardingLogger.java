package io.polaroid.jdbc.logging;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A driver logger that hands each enabled call to one logger of the application's SLF4J: the level checks ask the
 * application's logger every time (its configuration may change at run time), and the message is formatted here
 * ({@code {}} placeholders) and passed with its throwable to {@code xxx(String, Throwable)}. Markers are dropped.
 */
final class ForwardingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    /** The application's {@code org.slf4j.Logger}. Not serialized: AbstractLogger's readResolve looks it up anew. */
    private final transient Object target;
    private final transient Map<Level, LevelMethods> levels;

    ForwardingLogger(String name, Object target, Map<Level, LevelMethods> levels) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
        this.levels = Objects.requireNonNull(levels, "levels");
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    private boolean enabled(Level level) {
        return levels.get(level).isEnabled(target);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    /** Called by AbstractLogger for enabled levels only, with a trailing throwable already split from the arguments. */
    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                               Throwable throwable) {
        levels.get(level).log(target, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
    }
}
