package io.polaroid.parquet.read;

import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.RowGroupMeta;
import io.polaroid.parquet.schema.LeafColumn;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A top-level primitive column: one level entry per row, so a batch is a sequence of page runs, each decoded
 * with its definition levels straight into the batch's vector.
 */
public final class FlatColumnReader implements ColumnReader {
    private final Field target;
    private final LeafColumn column;
    private final ColumnChunkReader chunk;
    private final LeafValues values;
    private final int maxDefinitionLevel;
    private int[] levels = new int[0];
    private long rowsLeftInGroup;
    /** Bytes the last batch's variable-width data took: a good first guess for the next one. */
    private long dataBytesHint;

    public FlatColumnReader(LeafColumn column, Field target, FileChannel channel) {
        this.target = target;
        this.column = column;
        this.chunk = new ColumnChunkReader(column, channel);
        this.values = LeafValues.create(column, target.getType());
        this.maxDefinitionLevel = column.maxDefinitionLevel();
    }

    @Override
    public String name() {
        return target.getName();
    }

    @Override
    public void startRowGroup(RowGroupMeta rowGroup) throws IOException {
        chunk.open(rowGroup.columns().get(column.index()));
        rowsLeftInGroup = rowGroup.rowCount();
    }

    @Override
    public FieldVector readBatch(int rows, BufferAllocator allocator) {
        if (levels.length < rows) {
            levels = new int[rows];
        }
        FieldVector vector = target.createVector(allocator);
        try {
            Vectors.allocate(vector, rows, dataBytesHint > 0 ? dataBytesHint + dataBytesHint / 8 : rows * 8L);
            int produced = 0;
            while (produced < rows) {
                int available = chunk.available();
                CorruptDataException.check(available > 0, "the column chunk ends "
                        + (rowsLeftInGroup - produced) + " values before the end of its row group");
                int run = Math.min(rows - produced, available);
                int nonNull = chunk.readDefinitionLevels(levels, 0, run);
                values.fill(chunk, vector, produced, run, nonNull, levels, 0, maxDefinitionLevel);
                chunk.consumed(run);
                produced += run;
            }
            Vectors.seal(vector, rows);
            if (vector instanceof BaseVariableWidthVector variable) {
                dataBytesHint = variable.getOffsetBuffer().getInt((long) rows * Integer.BYTES);
            }
            rowsLeftInGroup -= rows;
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }
}
