package io.polaroid.bench.run;

import io.polaroid.bench.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target after setup: its connection (empty when setup failed), how long setup took (connecting,
 * registering and, for in-memory targets, loading the data) and the row count it sees in each dataset.
 */
public record OpenTarget(Target target, Optional<Connection> connection, String description, double setupSeconds,
                         Map<String, Long> datasetRows, Optional<String> error) implements AutoCloseable {
    public OpenTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(connection, "connection");
        datasetRows = Collections.unmodifiableMap(new LinkedHashMap<>(datasetRows));
    }

    static OpenTarget failed(Target target, String error) {
        return new OpenTarget(target, Optional.empty(), "", Double.NaN, Map.of(), Optional.of(error));
    }

    @Override
    public void close() throws SQLException {
        if (connection.isPresent()) {
            connection.get().close();
        }
    }
}
