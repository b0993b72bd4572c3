package io.polaroid.catalog.files;

import io.polaroid.columnar.BatchSource;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A data file of a format other than Parquet (Arrow IPC, CSV) opened far enough to know its columns. It
 * holds no file handle and no memory: every {@link #open} reads the file again, so nothing is cached
 * between queries.
 */
public interface TableFile {

    Path path();

    /** The columns, in the types of the shared Parquet → Arrow conventions. */
    Schema schema();

    /** The rows, exact when the format records them, else an estimate (for the planner's costs only). */
    long estimatedRows();

    /**
     * How many parts the file can be read in, independently and at the same time: 1 unless the format
     * indexes its record batches (the Arrow IPC file format does).
     */
    default int parts() {
        return 1;
    }

    /**
     * Streams the rows of part {@code part} (of {@link #parts()}): batches holding the columns at
     * {@code columns} (distinct positions in {@link #schema()}, in this order) with at most {@code batchRows}
     * rows each, allocated from {@code allocator}. Errors name the file: {@code 22000} for undecodable data,
     * {@code 58030} for I/O.
     */
    BatchSource open(int part, List<Integer> columns, int batchRows, BufferAllocator allocator);
}
