package io.polaroid.jdbc.mode;

import io.polaroid.engine.api.SqlSession;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open session and everything a connection needs to know about where it leads. Closing it closes the
 * session and then releases what kept it alive (an engine lease, a Flight client).
 *
 * @param mode           the mode actually in use (the auto mode reports the one it chose)
 * @param usesLocalFiles whether the data lives in files of this machine ({@code DatabaseMetaData})
 * @param warnings       notes for {@code Connection.getWarnings()}, e.g. that a fallback was taken
 * @param release        closed after the session
 * @param link           what {@code Connection.isValid} and {@code setNetworkTimeout} act on
 */
public record Backend(SqlSession session, String mode, DialectInfo dialect, boolean usesLocalFiles,
                      List<String> warnings, AutoCloseable release, BackendLink link)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    public Backend {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dialect, "dialect");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(link, "link");
    }

    /** A backend in this JVM, alive while it is open. */
    public Backend(SqlSession session, String mode, DialectInfo dialect, boolean usesLocalFiles,
                   List<String> warnings, AutoCloseable release) {
        this(session, mode, dialect, usesLocalFiles, warnings, release, BackendLink.IN_PROCESS);
    }

    /** Closes the session, then the release; failures are logged, not thrown, so both always run. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} session failed", mode, e);
        } finally {
            try {
                release.close();
            } catch (Exception e) {
                LOG.warn("releasing the {} backend failed", mode, e);
            }
        }
    }
}
