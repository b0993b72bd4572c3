package io.polaroid.jdbc.config;

import java.util.List;

/** Connection properties the JDBC front applies in every mode. */
public final class CommonProperties {
    public static final ConnectionProperty SCHEMA = ConnectionProperty.of("schema",
            "Schema that unqualified names resolve against; it must exist.", "main");
    public static final ConnectionProperty QUERY_MEMORY_LIMIT = ConnectionProperty.of("queryMemoryLimit",
            "Memory limit of each query of this connection, e.g. 512m or 2g; a query that needs more fails with "
                    + "SQLState 53200. Empty for the engine's default.", "");

    public static final List<ConnectionProperty> ALL = List.of(SCHEMA, QUERY_MEMORY_LIMIT);

    private CommonProperties() {
    }
}
