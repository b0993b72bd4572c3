package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.DataFile;
import io.polaroid.columnar.Batch;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of one data file held in memory as Arrow batches in the dataset schema, grouped by row group.
 * The vectors live in an allocator of their own. Reference counted: every snapshot whose cache holds the
 * file (a refresh that keeps an unchanged file shares it) holds one reference, and the memory is freed
 * when the last is released.
 */
final class CachedFile {
    private final DataFile file;
    private final BufferAllocator allocator;
    private final List<List<Batch>> rowGroups;
    private final List<FieldVector> vectors;
    private final long bytes;
    private int references = 1;

    /**
     * @param rowGroups batches per row group, in the order of {@code file.rowGroups()}
     * @param vectors   every vector the batches use, each once; owned by this object from now on
     */
    CachedFile(DataFile file, BufferAllocator allocator, List<List<Batch>> rowGroups, List<FieldVector> vectors) {
        this.file = file;
        this.allocator = allocator;
        this.rowGroups = List.copyOf(rowGroups);
        this.vectors = List.copyOf(vectors);
        this.bytes = allocator.getAllocatedMemory();
    }

    DataFile file() {
        return file;
    }

    /** The batches of the row group at {@code position} in {@code file().rowGroups()}. */
    List<Batch> rowGroup(int position) {
        return rowGroups.get(position);
    }

    long bytes() {
        return bytes;
    }

    /** Takes another reference; false if the memory was already freed. */
    synchronized boolean retain() {
        if (references == 0) {
            return false;
        }
        references++;
        return true;
    }

    void release() {
        synchronized (this) {
            if (references == 0) {
                throw new IllegalStateException("cached file " + file.path() + " released too often");
            }
            if (--references > 0) {
                return;
            }
        }
        vectors.forEach(FieldVector::close);
        allocator.close();
    }
}
