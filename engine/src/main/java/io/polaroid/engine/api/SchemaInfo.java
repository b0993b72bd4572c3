package io.polaroid.engine.api;

import java.util.Objects;

/** A schema of the catalog, as {@code DatabaseMetaData.getSchemas} lists it. */
public record SchemaInfo(String catalog, String schema) {
    public SchemaInfo {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(schema, "schema");
    }
}
