package io.polaroid.parquet.read;

import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.RowGroupMeta;
import io.polaroid.parquet.schema.ColumnNode;
import io.polaroid.parquet.schema.LeafColumn;
import io.polaroid.parquet.schema.ListNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One leaf of a nested column. For every level entry it decides, node by node from the top, whether the entry
 * starts a new slot: the top node at repetition level 0, a struct's child when the struct starts one, a list's
 * element when the repetition level is at most the list's and the definition level reaches the element.
 * Slots of nodes this leaf owns are recorded in their {@link StructureBuilder}; slots of the leaf itself
 * collect the definition levels that drive value decoding.
 */
final class NestedLeaf {
    private static final int LEVEL_STEP = 4096;

    final LeafColumn column;
    private final ColumnChunkReader chunk;
    private final LeafValues values;
    private final ColumnNode[] path;
    private final boolean[] owns;
    private final boolean[] childOfList;
    /** Per depth: for a child of a list, the list's element repetition and definition levels. */
    private final int[] elementRepetition;
    private final int[] elementDefinition;
    private final int[] nullDefinition;
    private final int maxDefinitionLevel;
    private final int[] counts;
    private final int[] repetition = new int[LEVEL_STEP];
    private final int[] definition = new int[LEVEL_STEP];
    private final int[] leafLevels = new int[LEVEL_STEP];
    private int bufferPosition;
    private int bufferEnd;

    NestedLeaf(LeafColumn column, Field target, List<ColumnNode> path, boolean[] owns, FileChannel channel) {
        this.column = column;
        this.chunk = new ColumnChunkReader(column, channel);
        this.values = LeafValues.create(column, target.getType());
        this.path = path.toArray(new ColumnNode[0]);
        this.owns = owns;
        int depth = this.path.length;
        this.childOfList = new boolean[depth];
        this.elementRepetition = new int[depth];
        this.elementDefinition = new int[depth];
        this.nullDefinition = new int[depth];
        for (int d = 0; d < depth; d++) {
            nullDefinition[d] = this.path[d].nullDefinitionLevel();
            if (d > 0 && this.path[d - 1] instanceof ListNode list) {
                childOfList[d] = true;
                elementRepetition[d] = list.elementRepetitionLevel();
                elementDefinition[d] = list.elementDefinitionLevel();
            }
        }
        this.maxDefinitionLevel = column.maxDefinitionLevel();
        this.counts = new int[depth];
    }

    void startRowGroup(RowGroupMeta rowGroup) throws IOException {
        chunk.open(rowGroup.columns().get(column.index()));
        bufferPosition = 0;
        bufferEnd = 0;
    }

    /** Reads the next {@code rows} records into {@code leafVector} and the builders this leaf owns. */
    void readRecords(int rows, FieldVector leafVector, Map<ColumnNode, StructureBuilder> builders) {
        java.util.Arrays.fill(counts, 0);
        StructureBuilder[] owned = new StructureBuilder[path.length];
        for (int d = 0; d < path.length - 1; d++) {
            owned[d] = owns[d] ? builders.get(path[d]) : null;
        }
        int leafDepth = path.length - 1;
        int records = 0;
        boolean batchComplete = false;
        while (!batchComplete) {
            if (bufferPosition == bufferEnd && !refill()) {
                break;
            }
            int leafSlots = 0;
            int nonNull = 0;
            while (bufferPosition < bufferEnd) {
                int r = repetition[bufferPosition];
                int d = definition[bufferPosition];
                if (r == 0) {
                    if (records == rows) {
                        batchComplete = true;
                        break;
                    }
                    records++;
                } else {
                    CorruptDataException.check(records > 0, "a column chunk starts in the middle of a record");
                }
                boolean started = false;
                for (int depth = 0; depth <= leafDepth; depth++) {
                    if (depth == 0) {
                        started = r == 0;
                    } else if (childOfList[depth]) {
                        started = r <= elementRepetition[depth] && d >= elementDefinition[depth];
                    }
                    if (!started) {
                        continue;
                    }
                    if (depth == leafDepth) {
                        leafLevels[leafSlots++] = d;
                        if (d == maxDefinitionLevel) {
                            nonNull++;
                        }
                    } else if (owned[depth] != null) {
                        owned[depth].add(d >= nullDefinition[depth], counts[depth + 1]);
                    }
                    counts[depth]++;
                }
                bufferPosition++;
            }
            int position = counts[leafDepth] - leafSlots;
            CorruptDataException.check(counts[leafDepth] <= NestedColumnReader.MAX_VALUES_PER_BATCH,
                    "more than " + NestedColumnReader.MAX_VALUES_PER_BATCH + " values in one batch of a nested column");
            Vectors.ensureCapacity(leafVector, counts[leafDepth]);
            values.fill(chunk, leafVector, position, leafSlots, nonNull, leafLevels, 0, maxDefinitionLevel);
        }
        CorruptDataException.check(records == rows, "the column chunk ends " + (rows - records)
                + " records before the end of its row group");
        for (int depth = 0; depth < leafDepth; depth++) {
            StructureBuilder builder = builders.get(path[depth]);
            if (owned[depth] != null && path[depth] instanceof ListNode) {
                builder.finishList(counts[depth + 1]);
            }
            CorruptDataException.check(builder.slots() == counts[depth],
                    "leaf columns of " + path[0].field().getName() + " disagree on the structure of their rows");
        }
        CorruptDataException.check(childOfList[leafDepth] || counts[leafDepth] == counts[leafDepth - 1],
                "leaf columns of " + path[0].field().getName() + " disagree on the structure of their rows");
        Vectors.seal(leafVector, counts[leafDepth]);
    }

    /** Decodes the next run of levels of the current page; false at the end of the chunk. */
    private boolean refill() {
        int available = chunk.available();
        if (available == 0) {
            return false;
        }
        int n = Math.min(available, LEVEL_STEP);
        chunk.readRepetitionLevels(repetition, 0, n);
        chunk.readDefinitionLevels(definition, 0, n);
        // Values of these entries are decoded as the entries are processed, before the page can change:
        // the next refill only happens once every buffered entry is processed.
        chunk.consumed(n);
        bufferPosition = 0;
        bufferEnd = n;
        return true;
    }
}
