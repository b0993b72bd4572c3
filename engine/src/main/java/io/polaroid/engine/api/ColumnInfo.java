package io.polaroid.engine.api;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A column of a table as {@code DatabaseMetaData.getColumns} lists it. The Arrow field carries the
 * type and nullability; the JDBC front derives SQL types from it the same way it does for results.
 *
 * @param ordinal 1-based position in the table
 */
public record ColumnInfo(String catalog, String schema, String table, int ordinal, Field field) {
    public ColumnInfo {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(field, "field");
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal is 1-based: " + ordinal);
        }
    }
}
