package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.ScanSplit;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Row groups of one file held in memory. Its sources return the cached vectors themselves (no copy);
 * each open source pins the snapshot so the memory outlives a refresh, a drop or the plan's close.
 */
final class CachedSplit implements ScanSplit {
    private final Snapshot snapshot;
    private final CachedFile file;
    private final List<Integer> rowGroupPositions;
    private final int[] columns;
    private final Schema schema;

    CachedSplit(Snapshot snapshot, CachedFile file, List<Integer> rowGroupPositions, int[] columns, Schema schema) {
        this.snapshot = snapshot;
        this.file = file;
        this.rowGroupPositions = List.copyOf(rowGroupPositions);
        this.columns = columns;
        this.schema = schema;
    }

    @Override
    public BatchSource open(BufferAllocator allocator) {
        Objects.requireNonNull(allocator, "allocator");
        if (!snapshot.tryPin()) {
            throw new IllegalStateException("the scan plan of " + snapshot.label() + " was closed and its memory freed");
        }
        List<Batch> batches = new ArrayList<>();
        for (int position : rowGroupPositions) {
            batches.addAll(file.rowGroup(position));
        }
        return new Source(batches);
    }

    @Override
    public long estimatedRows() {
        return rowGroupPositions.stream().mapToLong(p -> file.file().rowGroups().get(p).rowCount()).sum();
    }

    @Override
    public String describe() {
        return "memory " + file.file().path() + " row groups "
                + rowGroupPositions.stream().map(p -> String.valueOf(file.file().rowGroups().get(p).index())).toList();
    }

    /** Projects the cached batches onto the requested columns. */
    private final class Source implements BatchSource {
        private final List<Batch> batches;
        private int next;
        private boolean closed;

        Source(List<Batch> batches) {
            this.batches = batches;
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
            while (next < batches.size()) {
                Batch cached = batches.get(next++);
                if (cached.rowCount() == 0) {
                    continue;
                }
                List<FieldVector> projected = new ArrayList<>(columns.length);
                for (int column : columns) {
                    projected.add(cached.column(column));
                }
                return new Batch(projected, cached.rowCount());
            }
            return null;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                snapshot.unpin();
            }
        }
    }
}
