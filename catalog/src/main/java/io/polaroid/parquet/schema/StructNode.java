package io.polaroid.parquet.schema;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/** A Parquet group read as an Arrow struct; its children have a slot wherever the struct has one. */
public record StructNode(Field field, int nullDefinitionLevel, List<ColumnNode> children) implements ColumnNode {
    public StructNode {
        Objects.requireNonNull(field, "field");
        children = List.copyOf(children);
    }
}
