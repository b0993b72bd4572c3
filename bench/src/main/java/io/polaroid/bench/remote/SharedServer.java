package io.polaroid.bench.remote;

import io.polaroid.bench.data.GeneratedDirectory;
import io.polaroid.bench.target.Target;
import io.polaroid.bench.workload.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one server process every remote target of a run queries: started by the first target that connects,
 * with each dataset registered once {@code WITH (cache = 'memory')} (loaded into the server's memory, as
 * the embedded in-memory target loads it into its own), and stopped when the run ends.
 */
public final class SharedServer implements AutoCloseable {
    private final Path catalogDirectory;
    private final String heap;
    private final Set<String> registered = new HashSet<>();
    private ServerProcess process;

    /** @param heap the server JVM's maximum heap, e.g. {@code 8g} */
    public SharedServer(Path catalogDirectory, String heap) {
        this.catalogDirectory = catalogDirectory.toAbsolutePath();
        this.heap = Objects.requireNonNull(heap, "heap");
    }

    /** The running server, started first if need be, with every one of {@code datasets} registered and loaded. */
    public synchronized ServerProcess serving(List<Dataset> datasets) throws SQLException {
        if (process == null) {
            try {
                GeneratedDirectory.deleteRecursively(catalogDirectory); // start from an empty catalog
                process = ServerProcess.start(catalogDirectory, heap);
            } catch (IOException e) {
                throw new SQLException("cannot start the server process: " + e.getMessage(), "08001", e);
            }
        }
        try (Connection connection = DriverManager.getConnection(process.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (Dataset dataset : datasets) {
                if (registered.add(dataset.name())) {
                    statement.execute("CREATE DATASET " + dataset.name() + " FROM "
                            + Target.literal(dataset.directory().toString()) + " WITH (cache = 'memory')");
                }
            }
        }
        return process;
    }

    public synchronized Optional<ServerProcess> process() {
        return Optional.ofNullable(process);
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
