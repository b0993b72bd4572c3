package io.polaroid.engine.types;

import java.util.Objects;

/** Where a result column comes from, when it is a base column of a dataset. */
public record ColumnOrigin(String catalog, String schema, String table, String column) {
    public ColumnOrigin {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
