package io.polaroid.http;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A result written as a Parquet file by the catalog's {@link ParquetWriter}. Parquet's footer (the schema
 * and where every row group lies) comes last and a reader starts from it, so the file cannot be streamed
 * while it is written: it is spooled to a temporary file (memory stays at one row group) and sent once
 * complete, which also lets a failed query answer with a proper error instead of a truncated file.
 * {@link #close()} deletes the file.
 */
final class ParquetSpool implements AutoCloseable {
    /** Small row groups bound the writer's memory (it buffers one compressed row group). */
    private static final long ROW_GROUP_ROWS = 64 * 1024;

    private final Path file;
    private final ParquetWriter writer;
    private boolean finished;

    private ParquetSpool(Path file, ParquetWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * @throws PolaroidException 0A000 for a result with columns Parquet output does not support (nested),
     *                           58030 when the temporary file cannot be created
     */
    static ParquetSpool create(Schema schema) {
        Path file;
        try {
            file = Files.createTempFile("polaroid-http-", ".parquet");
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot create a temporary file for the Parquet result: "
                    + e.getMessage(), e);
        }
        try {
            ParquetWriterOptions defaults = ParquetWriterOptions.defaults();
            ParquetWriterOptions options = new ParquetWriterOptions(defaults.codec(), ROW_GROUP_ROWS,
                    defaults.pageSizeBytes(), defaults.dictionary(), defaults.dataPageV2());
            return new ParquetSpool(file, ParquetWriter.create(file, schema, options));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    void write(Batch batch) {
        writer.write(batch);
    }

    /** Writes the footer; the file is complete. */
    Path finish() {
        finished = true;
        writer.close();
        return file;
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                writer.close();
            }
        } catch (RuntimeException e) {
            // the result is being abandoned: the partial file only has to go
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
