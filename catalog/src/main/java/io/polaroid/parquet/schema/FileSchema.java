package io.polaroid.parquet.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A file's schema: its top-level columns in Arrow's shape and its leaf columns in storage order.
 */
public final class FileSchema {
    private final List<ColumnNode> columns;
    private final List<LeafColumn> leaves;
    private final Map<String, ColumnNode> byName;
    private final Schema arrowSchema;

    public FileSchema(List<ColumnNode> columns, List<LeafColumn> leaves) {
        this.columns = List.copyOf(columns);
        this.leaves = List.copyOf(leaves);
        Map<String, ColumnNode> names = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(columns.size());
        for (ColumnNode column : columns) {
            names.putIfAbsent(column.field().getName(), column);
            fields.add(column.field());
        }
        this.byName = names;
        this.arrowSchema = new Schema(fields);
    }

    public List<ColumnNode> columns() {
        return columns;
    }

    public List<LeafColumn> leaves() {
        return leaves;
    }

    public Schema arrowSchema() {
        return arrowSchema;
    }

    /** The top-level column of that exact name (the first, should a file repeat a name). */
    public Optional<ColumnNode> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The leaves under {@code node}, in storage order. */
    public static List<LeafColumn> leavesOf(ColumnNode node) {
        List<LeafColumn> result = new ArrayList<>();
        collectLeaves(node, result);
        return result;
    }

    private static void collectLeaves(ColumnNode node, List<LeafColumn> result) {
        if (node instanceof LeafNode leaf) {
            result.add(leaf.column());
        } else if (node instanceof StructNode struct) {
            for (ColumnNode child : struct.children()) {
                collectLeaves(child, result);
            }
        } else if (node instanceof ListNode list) {
            collectLeaves(list.element(), result);
        }
    }
}
