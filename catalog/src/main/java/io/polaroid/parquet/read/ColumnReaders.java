package io.polaroid.parquet.read;

import io.polaroid.parquet.ParquetTypes;
import io.polaroid.parquet.schema.ColumnNode;
import io.polaroid.parquet.schema.FileSchema;
import io.polaroid.parquet.schema.LeafNode;
import io.polaroid.parquet.schema.ListNode;
import io.polaroid.parquet.schema.StructNode;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Chooses the reader for each requested column, after checking that the file's column can become the target. */
public final class ColumnReaders {
    private ColumnReaders() {
    }

    /**
     * The reader of {@code target} from {@code schema}: flat for a top-level primitive, nested for structs,
     * lists and maps, all-null when the file lacks the column.
     *
     * @throws IllegalArgumentException naming the mismatch when the file's column cannot be read as the target
     */
    public static ColumnReader create(FileSchema schema, Field target, FileChannel channel) {
        Optional<ColumnNode> found = schema.column(target.getName());
        if (found.isEmpty()) {
            if (!target.isNullable()) {
                throw new IllegalArgumentException("the file has no column '" + target.getName()
                        + "' and the requested field is not nullable");
            }
            return new NullColumnReader(target);
        }
        ColumnNode node = found.get();
        checkShape(node, target, target.getName());
        if (node instanceof LeafNode leaf) {
            return new FlatColumnReader(leaf.column(), target, channel);
        }
        return new NestedColumnReader(node, target, channel);
    }

    private static void checkShape(ColumnNode node, Field target, String path) {
        Field file = node.field();
        if (node instanceof LeafNode) {
            if (!ParquetTypes.canRead(file.getType(), target.getType())) {
                throw mismatch(path, file, target);
            }
            return;
        }
        if (!file.getType().equals(target.getType()) || file.getChildren().size() != target.getChildren().size()) {
            throw mismatch(path, file, target);
        }
        List<ColumnNode> children = node instanceof StructNode struct ? struct.children()
                : List.of(((ListNode) node).element());
        for (int i = 0; i < children.size(); i++) {
            Field targetChild = target.getChildren().get(i);
            Field fileChild = children.get(i).field();
            if (node instanceof StructNode && !fileChild.getName().equals(targetChild.getName())) {
                throw mismatch(path, file, target);
            }
            checkShape(children.get(i), targetChild, path + "." + fileChild.getName());
        }
    }

    private static IllegalArgumentException mismatch(String path, Field file, Field target) {
        return new IllegalArgumentException("column '" + path + "' is " + describe(file) + " in the file and cannot be read as "
                + describe(target));
    }

    private static String describe(Field field) {
        ArrowType type = field.getType();
        return field.getChildren().isEmpty() ? type.toString() : type + "<" + field.getChildren().size() + " fields>";
    }
}
