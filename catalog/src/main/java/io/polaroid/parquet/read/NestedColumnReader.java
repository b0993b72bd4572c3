package io.polaroid.parquet.read;

import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.RowGroupMeta;
import io.polaroid.parquet.schema.ColumnNode;
import io.polaroid.parquet.schema.LeafColumn;
import io.polaroid.parquet.schema.LeafNode;
import io.polaroid.parquet.schema.ListNode;
import io.polaroid.parquet.schema.StructNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A top-level struct, list or map column, assembled from its leaves' repetition and definition levels
 * (Dremel). Each leaf walks its own levels; the first leaf under a struct or list node also records that
 * node's validity and offsets, the others check that they agree. Leaf values are decoded straight into the
 * leaf vectors of the batch's vector tree; structure is written once all leaves are read.
 */
public final class NestedColumnReader implements ColumnReader {
    /** A batch of a nested column may not hold more leaf values than this (a batch is bounded memory). */
    static final int MAX_VALUES_PER_BATCH = 1 << 27;

    private final ColumnNode root;
    private final Field target;
    private final List<NestedLeaf> leaves = new ArrayList<>();
    private final Map<ColumnNode, StructureBuilder> builders = new IdentityHashMap<>();

    public NestedColumnReader(ColumnNode root, Field target, FileChannel channel) {
        this.root = root;
        this.target = target;
        collect(root, target, new ArrayList<>(), new ArrayList<>(), channel);
    }

    @Override
    public String name() {
        return target.getName();
    }

    private void collect(ColumnNode node, Field field, List<ColumnNode> path, List<Field> fields, FileChannel channel) {
        path.add(node);
        fields.add(field);
        if (node instanceof LeafNode leaf) {
            boolean[] owns = new boolean[path.size()];
            for (int depth = 0; depth < path.size() - 1; depth++) {
                owns[depth] = builders.putIfAbsent(path.get(depth), new StructureBuilder()) == null;
            }
            leaves.add(new NestedLeaf(leaf.column(), field, path, owns, channel));
        } else if (node instanceof StructNode struct) {
            for (int i = 0; i < struct.children().size(); i++) {
                collect(struct.children().get(i), field.getChildren().get(i), path, fields, channel);
            }
        } else {
            collect(((ListNode) node).element(), field.getChildren().get(0), path, fields, channel);
        }
        path.remove(path.size() - 1);
        fields.remove(fields.size() - 1);
    }

    @Override
    public void startRowGroup(RowGroupMeta rowGroup) throws IOException {
        for (NestedLeaf leaf : leaves) {
            leaf.startRowGroup(rowGroup);
        }
    }

    @Override
    public FieldVector readBatch(int rows, BufferAllocator allocator) {
        FieldVector vector = target.createVector(allocator);
        try {
            vector.allocateNew();
            Map<LeafColumn, FieldVector> leafVectors = new IdentityHashMap<>();
            bindLeaves(root, vector, leafVectors);
            for (StructureBuilder builder : builders.values()) {
                builder.reset();
            }
            for (NestedLeaf leaf : leaves) {
                leaf.readRecords(rows, leafVectors.get(leaf.column), builders);
            }
            materialize(root, vector);
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    private static void bindLeaves(ColumnNode node, FieldVector vector, Map<LeafColumn, FieldVector> leafVectors) {
        if (node instanceof LeafNode leaf) {
            Vectors.allocate(vector, 1024, 8 * 1024);
            leafVectors.put(leaf.column(), vector);
        } else if (node instanceof StructNode struct) {
            StructVector structVector = (StructVector) vector;
            for (int i = 0; i < struct.children().size(); i++) {
                bindLeaves(struct.children().get(i), (FieldVector) structVector.getChildByOrdinal(i), leafVectors);
            }
        } else {
            bindLeaves(((ListNode) node).element(), ((ListVector) vector).getDataVector(), leafVectors);
        }
    }

    /** Writes the recorded validity and offsets of every struct and list node into the vector tree. */
    private void materialize(ColumnNode node, FieldVector vector) {
        if (node instanceof StructNode struct) {
            StructVector structVector = (StructVector) vector;
            StructureBuilder builder = builders.get(node);
            for (int i = 0; i < builder.slots(); i++) {
                if (builder.isValid(i)) {
                    structVector.setIndexDefined(i);
                } else {
                    structVector.setNull(i);
                }
            }
            for (int i = 0; i < struct.children().size(); i++) {
                materialize(struct.children().get(i), (FieldVector) structVector.getChildByOrdinal(i));
            }
        } else if (node instanceof ListNode list) {
            ListVector listVector = (ListVector) vector;
            StructureBuilder builder = builders.get(node);
            for (int i = 0; i < builder.slots(); i++) {
                int size = builder.listSize(i);
                if (builder.isValid(i)) {
                    listVector.startNewValue(i);
                    listVector.endValue(i, size);
                } else {
                    CorruptDataException.check(size == 0, "a null list has elements");
                    listVector.setNull(i);
                }
            }
            // Write every offset explicitly: the vector's own helpers leave the ends of trailing nulls to fill-in.
            for (int i = 0; i <= builder.slots(); i++) {
                listVector.getOffsetBuffer().setInt((long) i * Integer.BYTES, builder.offset(i));
            }
            listVector.setLastSet(builder.slots() - 1);
            materialize(list.element(), listVector.getDataVector());
        }
    }
}
