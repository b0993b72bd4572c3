package io.polaroid.catalog;

import io.polaroid.columnar.BatchSource;
import org.apache.arrow.memory.BufferAllocator;

/** One independent piece of a {@link ScanPlan}: row groups of one file, or a range of cached batches. */
public interface ScanSplit {

    /**
     * Opens a source of this split's rows in the plan's schema. File data is read into {@code allocator};
     * cached data is returned as the shared cached vectors (read-only, see {@link io.polaroid.columnar.Batch}).
     * Fails if the plan was closed, or if a file vanished or changed since the snapshot was taken.
     */
    BatchSource open(BufferAllocator allocator);

    /** The rows this split holds before filtering. */
    long estimatedRows();

    /** A human description for EXPLAIN: the file and row groups, or the cached batches. */
    String describe();
}
