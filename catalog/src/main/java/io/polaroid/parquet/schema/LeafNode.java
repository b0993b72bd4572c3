package io.polaroid.parquet.schema;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/** A primitive column in Arrow's shape. */
public record LeafNode(Field field, int nullDefinitionLevel, LeafColumn column) implements ColumnNode {
    public LeafNode {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
    }
}
