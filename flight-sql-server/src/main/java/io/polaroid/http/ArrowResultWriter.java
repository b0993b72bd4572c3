package io.polaroid.http;

import io.polaroid.columnar.Batch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow IPC stream format through Arrow's own {@link ArrowStreamWriter}: each engine batch is sliced
 * into the writer's root without copying ({@code splitAndTransfer} of rows {@code [0, rowCount)}, which
 * leaves the engine's vectors as the batch contract asks), serialized, and let go at once.
 */
final class ArrowResultWriter implements ResultWriter {
    private final VectorSchemaRoot root;
    private final ArrowStreamWriter writer;

    /** Writes the schema message at once, so a client sees the columns even of an empty result. */
    ArrowResultWriter(Schema schema, OutputStream out, BufferAllocator allocator) throws IOException {
        this.root = VectorSchemaRoot.create(schema, allocator);
        try {
            this.writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
            writer.start();
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    @Override
    public void write(Batch batch) throws IOException {
        List<FieldVector> targets = root.getFieldVectors();
        try {
            for (int c = 0; c < targets.size(); c++) {
                batch.column(c).makeTransferPair(targets.get(c)).splitAndTransfer(0, batch.rowCount());
            }
            root.setRowCount(batch.rowCount());
            writer.writeBatch();
        } finally {
            root.clear();
        }
    }

    @Override
    public void finish() throws IOException {
        writer.end();
    }

    @Override
    public void close() {
        root.close();  // not writer.close(): that would end the stream and close the client's channel
    }
}
