package io.polaroid.parquet.schema;

import io.polaroid.parquet.format.CorruptDataException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.SchemaElement;

/**
 * Turns the flattened, depth-first schema of a Parquet footer into a {@link FileSchema}: Arrow fields plus
 * the definition/repetition levels that Dremel assembly needs at each node.
 *
 * <p>Lists follow the format's backward-compatibility rules (LogicalTypes.md): the standard 3-level form,
 * the legacy 2-level forms (repeated primitive, repeated multi-field group, groups named {@code array} or
 * {@code <list>_tuple}), and bare repeated fields. Maps become Arrow maps with {@code key}/{@code value}.
 */
public final class SchemaConverter {
    /** Deeper nesting than this only comes from a corrupt or hostile footer; it would only overflow the stack. */
    private static final int MAX_DEPTH = 64;

    private final List<SchemaElement> elements;
    private final List<LeafColumn> leaves = new ArrayList<>();
    private int next;

    private SchemaConverter(List<SchemaElement> elements) {
        this.elements = elements;
    }

    /** @throws CorruptDataException if the schema is malformed */
    public static FileSchema convert(List<SchemaElement> elements) {
        CorruptDataException.check(elements != null && !elements.isEmpty(), "the footer has no schema");
        return new SchemaConverter(elements).convertRoot();
    }

    private FileSchema convertRoot() {
        SchemaElement root = take();
        int childCount = root.isSetNum_children() ? root.getNum_children() : 0;
        checkChildCount(root, childCount);
        List<ColumnNode> columns = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            columns.add(convertField(0, 0, List.of(), 1));
        }
        CorruptDataException.check(next == elements.size(),
                "the schema has " + (elements.size() - next) + " elements outside the tree");
        return new FileSchema(columns, leaves);
    }

    /** Converts the next field, whose parent has the given levels; handles a bare repeated field. */
    private ColumnNode convertField(int parentDef, int parentRep, List<String> parentPath, int depth) {
        CorruptDataException.check(depth <= MAX_DEPTH, "the schema nests deeper than " + MAX_DEPTH + " levels");
        SchemaElement element = take();
        FieldRepetitionType repetition = element.isSetRepetition_type()
                ? element.getRepetition_type() : FieldRepetitionType.REQUIRED;
        int def = parentDef + (repetition == FieldRepetitionType.REQUIRED ? 0 : 1);
        int rep = parentRep + (repetition == FieldRepetitionType.REPEATED ? 1 : 0);
        List<String> path = append(parentPath, element.getName());
        if (repetition == FieldRepetitionType.REPEATED) {
            // A repeated field outside a LIST/MAP annotation is a list of non-null elements.
            ColumnNode item = convertType(element, def, rep, false, path, depth);
            return new ListNode(listField(element.getName(), false, item.field()), parentDef, rep, def, item);
        }
        return convertType(element, def, rep, repetition == FieldRepetitionType.OPTIONAL, path, depth);
    }

    /** Converts an already-taken element whose own levels are {@code def}/{@code rep}. */
    private ColumnNode convertType(SchemaElement element, int def, int rep, boolean nullable, List<String> path,
                                   int depth) {
        if (element.isSetType()) {
            return leaf(element, def, rep, nullable, path);
        }
        int childCount = element.isSetNum_children() ? element.getNum_children() : 0;
        checkChildCount(element, childCount);
        CorruptDataException.check(childCount > 0, "group " + String.join(".", path) + " has no fields");
        if (isList(element)) {
            return list(element, def, rep, nullable, path, depth);
        }
        if (isMap(element)) {
            return map(element, def, rep, nullable, path, depth);
        }
        List<ColumnNode> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(convertField(def, rep, path, depth + 1));
        }
        return struct(element.getName(), nullable, def, children);
    }

    private ColumnNode list(SchemaElement listGroup, int def, int rep, boolean nullable, List<String> path,
                            int depth) {
        CorruptDataException.check(listGroup.getNum_children() == 1,
                "LIST " + String.join(".", path) + " must have exactly one field");
        SchemaElement repeated = take();
        CorruptDataException.check(repeated.getRepetition_type() == FieldRepetitionType.REPEATED,
                "the field of LIST " + String.join(".", path) + " is not repeated");
        int elementDef = def + 1;
        int elementRep = rep + 1;
        List<String> repeatedPath = append(path, repeated.getName());
        ColumnNode element;
        if (repeated.isSetType()) {
            element = leaf(repeated, elementDef, elementRep, false, repeatedPath);
        } else if (repeated.getNum_children() > 1 || repeated.getName().equals("array")
                || repeated.getName().equals(listGroup.getName() + "_tuple")) {
            element = convertType(repeated, elementDef, elementRep, false, repeatedPath, depth + 1);
        } else {
            checkChildCount(repeated, repeated.getNum_children());
            CorruptDataException.check(repeated.getNum_children() == 1,
                    "group " + String.join(".", repeatedPath) + " has no fields");
            element = convertField(elementDef, elementRep, repeatedPath, depth + 2);
        }
        return new ListNode(listField(listGroup.getName(), nullable, element.field()), def, elementRep, elementDef,
                element);
    }

    private ColumnNode map(SchemaElement mapGroup, int def, int rep, boolean nullable, List<String> path,
                           int depth) {
        CorruptDataException.check(mapGroup.getNum_children() == 1,
                "MAP " + String.join(".", path) + " must have exactly one field");
        SchemaElement keyValue = take();
        CorruptDataException.check(!keyValue.isSetType()
                        && keyValue.getRepetition_type() == FieldRepetitionType.REPEATED,
                "the field of MAP " + String.join(".", path) + " is not a repeated group");
        int entryDef = def + 1;
        int entryRep = rep + 1;
        int childCount = keyValue.isSetNum_children() ? keyValue.getNum_children() : 0;
        checkChildCount(keyValue, childCount);
        CorruptDataException.check(childCount > 0, "MAP " + String.join(".", path) + " has no key");
        List<String> entryPath = append(path, keyValue.getName());
        List<ColumnNode> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(convertField(entryDef, entryRep, entryPath, depth + 2));
        }
        if (childCount != 2) {
            // Not a key/value map Arrow can represent: read it as a list of entry structs.
            ColumnNode entries = struct(keyValue.getName(), false, entryDef, children);
            return new ListNode(listField(mapGroup.getName(), nullable, entries.field()), def, entryRep, entryDef,
                    entries);
        }
        ColumnNode key = renamed(children.get(0), "key", false);
        ColumnNode value = renamed(children.get(1), "value", children.get(1).field().isNullable());
        ColumnNode entries = struct("entries", false, entryDef, List.of(key, value));
        Field mapField = new Field(mapGroup.getName(), new FieldType(nullable, new ArrowType.Map(false), null),
                List.of(entries.field()));
        return new ListNode(mapField, def, entryRep, entryDef, entries);
    }

    private LeafNode leaf(SchemaElement element, int def, int rep, boolean nullable, List<String> path) {
        CorruptDataException.check(element.getType() != org.apache.parquet.format.Type.FIXED_LEN_BYTE_ARRAY
                        || (element.isSetType_length() && element.getType_length() > 0),
                "FIXED_LEN_BYTE_ARRAY column " + String.join(".", path) + " has no valid length");
        PrimitiveTypeMapping.Mapping mapping = PrimitiveTypeMapping.map(element);
        int typeLength = element.getType() == org.apache.parquet.format.Type.FIXED_LEN_BYTE_ARRAY
                ? element.getType_length() : 0;
        LeafColumn column = new LeafColumn(leaves.size(), path, element.getType(), typeLength, mapping.kind(),
                mapping.precision(), mapping.scale(), mapping.arrowType(), def, rep);
        leaves.add(column);
        Field field = new Field(element.getName(), new FieldType(nullable, mapping.arrowType(), null), null);
        return new LeafNode(field, def, column);
    }

    private static StructNode struct(String name, boolean nullable, int def, List<ColumnNode> children) {
        List<Field> fields = new ArrayList<>(children.size());
        for (ColumnNode child : children) {
            fields.add(child.field());
        }
        return new StructNode(new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), fields),
                def, children);
    }

    private static Field listField(String name, boolean nullable, Field element) {
        return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
    }

    private static ColumnNode renamed(ColumnNode node, String name, boolean nullable) {
        Field old = node.field();
        Field field = new Field(name, new FieldType(nullable, old.getType(), null), old.getChildren());
        if (node instanceof LeafNode leaf) {
            return new LeafNode(field, leaf.nullDefinitionLevel(), leaf.column());
        }
        if (node instanceof StructNode struct) {
            return new StructNode(field, struct.nullDefinitionLevel(), struct.children());
        }
        ListNode list = (ListNode) node;
        return new ListNode(field, list.nullDefinitionLevel(), list.elementRepetitionLevel(),
                list.elementDefinitionLevel(), list.element());
    }

    private static boolean isList(SchemaElement element) {
        return element.isSetLogicalType() ? element.getLogicalType().isSetLIST()
                : element.getConverted_type() == ConvertedType.LIST;
    }

    private static boolean isMap(SchemaElement element) {
        if (element.isSetLogicalType() && element.getLogicalType().isSetMAP()) {
            return true;
        }
        return element.getConverted_type() == ConvertedType.MAP
                || element.getConverted_type() == ConvertedType.MAP_KEY_VALUE;
    }

    private void checkChildCount(SchemaElement element, int childCount) {
        CorruptDataException.check(childCount >= 0 && childCount <= elements.size() - next,
                "schema element " + element.getName() + " claims " + childCount + " fields, more than the schema holds");
    }

    private SchemaElement take() {
        CorruptDataException.check(next < elements.size(), "the schema tree needs more elements than the footer has");
        SchemaElement element = elements.get(next++);
        CorruptDataException.check(element.getName() != null, "a schema element has no name");
        return element;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> result = new ArrayList<>(path.size() + 1);
        result.addAll(path);
        result.add(name);
        return result;
    }
}
