package io.polaroid.engine.api;

import java.util.Objects;

/**
 * A table as {@code DatabaseMetaData.getTables} lists it.
 *
 * @param type    {@code TABLE} for datasets, {@code SYSTEM TABLE} for built-in catalog tables
 * @param remarks a human description (the dataset's location, say); may be empty, never null
 */
public record TableInfo(String catalog, String schema, String name, String type, String remarks) {
    public TableInfo {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(remarks, "remarks");
    }
}
