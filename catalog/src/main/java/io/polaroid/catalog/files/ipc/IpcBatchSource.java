package io.polaroid.catalog.files.ipc;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The record batches of an Arrow IPC file, one loaded at a time into the reader's vectors and handed out
 * without copying (converted columns are copied into vectors freed on the next call). A record batch
 * larger than {@code batchRows} is handed out in slices of that many rows ({@link Batch} rows start at
 * row 0 of their vectors, so a slice is split off the loaded vectors, sharing their buffers).
 */
final class IpcBatchSource implements BatchSource {
    private final Path path;
    private final ArrowReader reader;
    private final RecordBatches batches;
    private final int[] positions;
    private final List<IpcColumn> columns;
    private final Schema schema;
    private final int batchRows;
    private final BufferAllocator allocator;
    private List<FieldVector> owned = List.of();
    private VectorSchemaRoot loaded;
    private int loadedOffset;
    private boolean closed;

    /** Loads the next record batch of this source's part into the reader's root; false when there is none. */
    @FunctionalInterface
    interface RecordBatches {
        boolean loadNext() throws IOException;
    }

    IpcBatchSource(Path path, ArrowReader reader, RecordBatches batches, List<Integer> positions,
                   List<IpcColumn> columns, Schema schema, int batchRows, BufferAllocator allocator) {
        this.path = path;
        this.reader = reader;
        this.batches = batches;
        this.positions = positions.stream().mapToInt(Integer::intValue).toArray();
        this.columns = columns;
        this.schema = schema;
        this.batchRows = batchRows;
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        freeOwned();
        if (closed) {
            return null;
        }
        try {
            while (loaded == null || loadedOffset >= loaded.getRowCount()) {
                if (!batches.loadNext()) {
                    return null;
                }
                loaded = reader.getVectorSchemaRoot();
                loadedOffset = 0;
            }
            int rows = Math.min(batchRows, loaded.getRowCount() - loadedOffset);
            boolean whole = loadedOffset == 0 && rows == loaded.getRowCount();
            List<FieldVector> batch = new ArrayList<>(positions.length);
            List<FieldVector> copies = new ArrayList<>();
            try {
                for (int i = 0; i < positions.length; i++) {
                    FieldVector vector = loaded.getVector(positions[i]);
                    if (!whole) {
                        vector = slice(vector, loadedOffset, rows);
                        copies.add(vector);
                    }
                    if (columns.get(i).needsConversion()) {
                        FieldVector converted = columns.get(i).convert(vector, rows, allocator);
                        copies.add(converted);
                        vector = converted;
                    }
                    batch.add(vector);
                }
            } catch (RuntimeException | Error e) {
                copies.forEach(FieldVector::close);
                throw e;
            }
            owned = copies;
            loadedOffset += rows;
            return new Batch(batch, rows);
        } catch (IOException | RuntimeException e) {
            throw ArrowIpcFile.undecodable(path, e);
        }
    }

    private FieldVector slice(FieldVector vector, int offset, int rows) {
        var transfer = vector.getTransferPair(allocator);
        transfer.splitAndTransfer(offset, rows);
        return (FieldVector) transfer.getTo();
    }

    private void freeOwned() {
        owned.forEach(FieldVector::close);
        owned = List.of();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            freeOwned();
        } finally {
            ArrowIpcFile.closeQuietly(reader);
        }
    }
}
