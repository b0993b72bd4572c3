package io.polaroid.parquet.schema;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A repeated field read as an Arrow list (or map). A level entry starts a new element iff its repetition
 * level is at most {@code elementRepetitionLevel} and its definition level is at least
 * {@code elementDefinitionLevel} (below that, the list is null or empty).
 */
public record ListNode(Field field, int nullDefinitionLevel, int elementRepetitionLevel, int elementDefinitionLevel,
                       ColumnNode element) implements ColumnNode {
    public ListNode {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(element, "element");
    }
}
