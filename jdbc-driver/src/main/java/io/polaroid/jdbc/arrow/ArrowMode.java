package io.polaroid.jdbc.arrow;

import io.polaroid.catalog.files.FileTreeCatalog;
import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import io.polaroid.jdbc.embedded.EmbeddedMode;
import io.polaroid.jdbc.error.SqlExceptions;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionMode;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code jdbc:polaroid:arrow:<path|dir|glob>}: SQL over the Parquet, Arrow IPC ({@code .arrow},
 * {@code .feather}) and CSV files under a path, with no server and no catalog to keep. Each connection
 * opens an engine of its own over a {@link FileTreeCatalog}: the files are listed when the connection
 * opens (a file added later needs a new connection), each table is opened at its first use, and every
 * query streams rows from the files — nothing is cached, and memory is bounded by {@code memoryLimit}.
 * Nothing of the remote mode (gRPC, Netty, Flight) is touched. A leading {@code ~/} means the user's home.
 */
public final class ArrowMode implements ConnectionMode {
    public static final String NAME = "arrow";

    public static final ConnectionProperty MEMORY_LIMIT = ConnectionProperty.of("memoryLimit",
            "Memory limit of this connection's queries together, e.g. 512m; a query needing more fails with "
                    + "53200. Empty for no limit.", "");
    public static final ConnectionProperty BATCH_ROWS = ConnectionProperty.of("batchRows",
            "Rows per Arrow batch read from the files and produced by operators.",
            Integer.toString(ExecutionContext.DEFAULT_BATCH_ROWS));

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
        String target = target(url);
        EngineConfig.Builder config = EngineConfig.builder().catalog(options -> FileTreeCatalog.open(target, options))
                .batchRows(PropertyValues.positiveInt(BATCH_ROWS, url.properties()));
        OptionalLong memory = PropertyValues.bytes(MEMORY_LIMIT, url.properties());
        if (memory.isPresent()) {
            config.memoryLimitBytes(memory.getAsLong());
        }
        Engine engine;
        try {
            engine = Engine.open(config.build());
        } catch (PolaroidException e) {
            throw new SQLNonTransientConnectionException("cannot open '" + target + "' in " + url.display() + ": "
                    + e.getMessage(), "08001", SqlExceptions.from(e));
        }
        try {
            List<String> notes = ((FileTreeCatalog) engine.catalog()).tree().notes();
            SqlSession session = engine.openSession();
            return new Backend(session, NAME, EmbeddedMode.dialect(), true, notes, engine);
        } catch (RuntimeException e) {
            engine.close();
            throw SqlExceptions.translate(e);
        }
    }

    private static String target(ConnectionUrl url) throws SQLException {
        String target = url.target().trim();
        if (target.isEmpty()) {
            throw new SQLNonTransientConnectionException("URL " + url.display() + " names no files; use "
                    + "jdbc:polaroid:arrow:<file, directory or glob>, e.g. jdbc:polaroid:arrow:/data/trades.parquet",
                    "08001");
        }
        if (target.equals("~") || target.startsWith("~/")) {
            return System.getProperty("user.home") + target.substring(1);
        }
        return target;
    }
}
