package io.polaroid.parquet.schema;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.format.Type;

/**
 * One primitive column of a file: the unit Parquet stores as a column chunk in each row group.
 *
 * @param index          position among the file's leaf columns (= index into a row group's column chunks)
 * @param path           names from the top-level field down to this leaf
 * @param physicalType   the Parquet storage type
 * @param typeLength     byte width of FIXED_LEN_BYTE_ARRAY values, else 0
 * @param kind           how to convert stored values
 * @param precision      decimal precision (0 when not a decimal)
 * @param scale          decimal scale (0 when not a decimal)
 * @param arrowType      the Arrow type this column reads as in the file's own schema
 * @param maxDefinitionLevel def level of a present value
 * @param maxRepetitionLevel number of repeated fields on the path
 */
public record LeafColumn(int index, List<String> path, Type physicalType, int typeLength, LogicalKind kind,
                         int precision, int scale, ArrowType arrowType, int maxDefinitionLevel,
                         int maxRepetitionLevel) {
    public LeafColumn {
        path = List.copyOf(path);
        Objects.requireNonNull(physicalType, "physicalType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arrowType, "arrowType");
    }

    /** The dotted path, for messages. */
    public String dottedPath() {
        return String.join(".", path);
    }
}
