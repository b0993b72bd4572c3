package io.polaroid.jdbc.embedded;

import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.EngineLease;
import io.polaroid.engine.EngineRegistry;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import io.polaroid.jdbc.error.SqlExceptions;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionMode;
import io.polaroid.jdbc.mode.DialectInfo;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * {@code jdbc:polaroid:embedded:} (a transient in-memory catalog private to the connection) and
 * {@code jdbc:polaroid:embedded:<catalog-dir>} (a persistent catalog; connections to the same directory
 * in one JVM share one engine and its dataset cache through {@link EngineRegistry}, which closes the
 * engine with the last connection). A leading {@code ~/} in the directory means the user's home.
 *
 * <p>Engine-wide properties ({@code memoryLimit}, {@code batchRows}) take effect for the connection that
 * opens the engine; a later connection to the same directory that asks for other values gets a warning
 * saying they were not applied.
 */
public final class EmbeddedMode implements ConnectionMode {
    public static final String NAME = "embedded";

    public static final ConnectionProperty MEMORY_LIMIT = ConnectionProperty.of("memoryLimit",
            "Memory limit of the embedded engine: queries and in-memory datasets together, e.g. 4g. Shared by "
                    + "all connections to the same catalog in this JVM; the first connection sets it. Empty for no "
                    + "limit.", "");
    public static final ConnectionProperty BATCH_ROWS = ConnectionProperty.of("batchRows",
            "Rows per Arrow batch the embedded engine produces. Shared by all connections to the same catalog "
                    + "in this JVM; the first connection sets it.",
            Integer.toString(io.polaroid.engine.exec.ExecutionContext.DEFAULT_BATCH_ROWS));

    /**
     * The engine's SQL dialect as {@code DatabaseMetaData} describes it. The Flight SQL server answers
     * {@code GetSqlInfo} from the same object, so embedded and remote clients are told the same.
     */
    public static DialectInfo dialect() {
        return EmbeddedDialect.INSTANCE;
    }

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    @Override
    public List<ConnectionProperty> properties() {
        return List.of(MEMORY_LIMIT, BATCH_ROWS);
    }

    @Override
    public Backend open(ConnectionUrl url) throws SQLException {
        EngineConfig config = config(url);
        String where = config.catalogDirectory().map(dir -> "catalog " + dir).orElse("in-memory catalog");
        EngineLease lease;
        try {
            lease = EngineRegistry.acquire(config);
        } catch (PolaroidException e) {
            throw new SQLNonTransientConnectionException("cannot open the embedded " + where + ": " + e.getMessage(),
                    "08001", SqlExceptions.from(e));
        }
        try {
            SqlSession session = lease.engine().openSession();
            List<String> warnings = ignoredSettings(url.properties(), config, lease.engine().config());
            return new Backend(session, NAME, EmbeddedDialect.INSTANCE, true, warnings, lease);
        } catch (RuntimeException e) {
            lease.close();
            throw SqlExceptions.translate(e);
        }
    }

    private static EngineConfig config(ConnectionUrl url) throws SQLException {
        EngineConfig.Builder builder = EngineConfig.builder();
        String target = url.target().trim();
        if (!target.isEmpty()) {
            builder.catalogDirectory(directory(target, url));
        }
        OptionalLong memory = PropertyValues.bytes(MEMORY_LIMIT, url.properties());
        if (memory.isPresent()) {
            builder.memoryLimitBytes(memory.getAsLong());
        }
        builder.batchRows(PropertyValues.positiveInt(BATCH_ROWS, url.properties()));
        return builder.build();
    }

    private static Path directory(String target, ConnectionUrl url) throws SQLException {
        try {
            if (target.equals("~") || target.startsWith("~/")) {
                return Path.of(System.getProperty("user.home"), target.substring(1));
            }
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new SQLNonTransientConnectionException("'" + target + "' in " + url.display()
                    + " is not a valid catalog directory: " + e.getMessage(), "08001", e);
        }
    }

    /** Warnings for engine settings this connection asked for but a shared engine already fixed. */
    private static List<String> ignoredSettings(Properties asked, EngineConfig wanted, EngineConfig actual) {
        List<String> warnings = new ArrayList<>();
        if (MEMORY_LIMIT.isSet(asked) && wanted.memoryLimitBytes() != actual.memoryLimitBytes()) {
            warnings.add("memoryLimit " + wanted.memoryLimitBytes() + " was not applied: the catalog is already open "
                    + "in this JVM with memoryLimit " + actual.memoryLimitBytes());
        }
        if (BATCH_ROWS.isSet(asked) && wanted.batchRows() != actual.batchRows()) {
            warnings.add("batchRows " + wanted.batchRows() + " was not applied: the catalog is already open in this "
                    + "JVM with batchRows " + actual.batchRows());
        }
        return warnings;
    }
}
