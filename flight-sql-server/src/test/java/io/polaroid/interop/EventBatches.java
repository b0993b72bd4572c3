package io.polaroid.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows a client uploads: {@code (id BIGINT, label VARCHAR, at TIMESTAMP)} with {@code id} counting from a
 * first value, {@code label = 'event ' || id} and {@code at} = {@code id} seconds after the epoch. As an
 * {@link ArrowReader} it produces {@code batches} batches of {@code batchRows} rows, and can be told to
 * fail before one of them, the way a client's data source breaks in the middle of an upload.
 */
final class EventBatches extends ArrowReader {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("label", ArrowType.Utf8.INSTANCE),
            Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null))));

    private final long firstId;
    private final int batchRows;
    private final int batches;
    private final int failBefore;
    private int loaded;

    /**
     * @param failBefore the number of the batch (from 0) whose loading throws; {@code -1} never
     */
    EventBatches(BufferAllocator allocator, long firstId, int batchRows, int batches, int failBefore) {
        super(allocator);
        this.firstId = firstId;
        this.batchRows = batchRows;
        this.batches = batches;
        this.failBefore = failBefore;
    }

    /** One batch of {@code rows} rows from {@code firstId}, in a root the caller closes. */
    static VectorSchemaRoot root(BufferAllocator allocator, long firstId, int rows) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        fill(root, firstId, rows);
        return root;
    }

    static long total(long firstId, long rows) {
        return rows * firstId + rows * (rows - 1) / 2;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (loaded == failBefore) {
            throw new IOException("the client's data source broke before batch " + loaded);
        }
        if (loaded == batches) {
            return false;
        }
        fill(getVectorSchemaRoot(), firstId + (long) loaded * batchRows, batchRows);
        loaded++;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() {
        return SCHEMA;
    }

    private static void fill(VectorSchemaRoot root, long firstId, int rows) {
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector label = (VarCharVector) root.getVector("label");
        TimeStampMicroVector at = (TimeStampMicroVector) root.getVector("at");
        for (int i = 0; i < rows; i++) {
            long value = firstId + i;
            id.setSafe(i, value);
            label.setSafe(i, ("event " + value).getBytes(StandardCharsets.UTF_8));
            at.setSafe(i, value * 1_000_000);
        }
        root.setRowCount(rows);
    }
}
