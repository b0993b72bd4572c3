package io.polaroid.http;

import io.polaroid.columnar.Batch;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Encodes a result batch by batch into a response body, never holding more than the batch at hand. An
 * {@link IOException} means the client is gone (the caller cancels the query). {@link #close()} frees what
 * the writer holds and must not write; only {@link #finish()} ends the encoding properly, so a failed
 * stream is never made to look complete.
 */
interface ResultWriter extends AutoCloseable {

    /** Writes {@code batch}'s rows {@code [0, rowCount)}. */
    void write(Batch batch) throws IOException;

    /** Ends the encoding (Arrow's end-of-stream marker, JSON's closing bracket) and flushes. */
    void finish() throws IOException;

    @Override
    void close();

    /** The writer of a streamed format ({@link ResultFormat#PARQUET} is spooled, see {@link ParquetSpool}). */
    static ResultWriter open(ResultFormat format, Schema schema, OutputStream out, BufferAllocator allocator)
            throws IOException {
        switch (format) {
            case ARROW:
                return new ArrowResultWriter(schema, out, allocator);
            case JSON:
                return new JsonResultWriter(schema, out);
            case CSV:
                return new CsvResultWriter(schema, out);
            default:
                throw new IllegalArgumentException(format + " is not written as a stream");
        }
    }
}
