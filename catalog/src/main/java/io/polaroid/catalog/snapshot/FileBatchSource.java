package io.polaroid.catalog.snapshot;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Batches of one file in the dataset schema: the columns read from the file, plus NULL and partition
 * columns from constant vectors that are built once and shared by every batch (they hold at least as many
 * values as the largest batch, which {@link Batch} allows).
 */
final class FileBatchSource implements BatchSource {
    private final Schema schema;
    private final FileProjection projection;
    private final BatchSource rows;
    private final BufferAllocator allocator;
    private FieldVector[] constants;
    private int constantRows;
    private boolean closed;

    FileBatchSource(FileProjection projection, BatchSource rows, BufferAllocator allocator) {
        this.schema = new Schema(projection.outputFields());
        this.projection = projection;
        this.rows = rows;
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (closed) {
            return null;
        }
        Batch input = rows.next();
        if (input == null) {
            return null;
        }
        int rowCount = input.rowCount();
        ensureConstants(rowCount);
        List<FieldVector> columns = new ArrayList<>(projection.columnCount());
        for (int i = 0; i < projection.columnCount(); i++) {
            int position = projection.readPosition(i);
            if (position < 0) {
                columns.add(constants[i]);
            } else if (position < input.columnCount()) {
                columns.add(input.column(position));
            } else {
                throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "reading file '" + projection.file().path()
                        + "' returned " + input.columnCount() + " columns, expected more than " + position);
            }
        }
        return new Batch(columns, rowCount);
    }

    private void ensureConstants(int rowCount) {
        if (constants != null && constantRows >= rowCount) {
            return;
        }
        FieldVector[] previous = constants;
        constants = null;
        if (previous != null) {
            FileProjection.closeAll(previous);
        }
        constants = projection.createConstants(rowCount, allocator);
        constantRows = rowCount;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } finally {
            if (constants != null) {
                FileProjection.closeAll(constants);
                constants = null;
            }
        }
    }
}
