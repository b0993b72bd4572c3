package io.polaroid.server.ingest;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the batches of an upload to Parquet files in a directory, starting a new file every
 * {@link #ROWS_PER_FILE} rows so a large upload becomes several files that scans can read in parallel.
 * File names are unique ({@code part-<id>-<n>.parquet}), so the files can join a directory that already
 * holds data. A failure deletes the files written so far.
 */
final class ParquetUpload {
    static final long ROWS_PER_FILE = 8L << 20;

    /** What was written. */
    record Written(List<Path> files, long rows) {
        Written {
            files = List.copyOf(files);
        }
    }

    private ParquetUpload() {
    }

    /**
     * Writes every batch of {@code upload} with the columns of {@code fileSchema} (same count, order and
     * types as the upload; the names and nullability may differ).
     *
     * @param emptyFile whether an upload without rows still writes one file (its schema defines a new
     *                  dataset) rather than none
     */
    static Written write(BatchSource upload, Schema fileSchema, Path directory, boolean emptyFile) {
        Objects.requireNonNull(upload, "upload");
        String prefix = "part-" + UUID.randomUUID().toString().substring(0, 13) + "-";
        List<Path> files = new ArrayList<>();
        ParquetWriter writer = null;
        long rows = 0;
        long rowsInFile = 0;
        try {
            for (Batch batch = upload.next(); batch != null; batch = upload.next()) {
                if (batch.rowCount() == 0) {
                    continue;
                }
                if (writer != null && rowsInFile >= ROWS_PER_FILE) {
                    writer.close();
                    writer = null;
                }
                if (writer == null) {
                    writer = open(directory, prefix, files, fileSchema);
                    rowsInFile = 0;
                }
                writer.write(batch);
                rows += batch.rowCount();
                rowsInFile += batch.rowCount();
            }
            if (writer == null && emptyFile) {
                writer = open(directory, prefix, files, fileSchema);
            }
            if (writer != null) {
                writer.close();
            }
            return new Written(files, rows);
        } catch (RuntimeException | Error e) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            files.forEach(DataArea::deleteTree);
            throw e;
        }
    }

    private static ParquetWriter open(Path directory, String prefix, List<Path> files, Schema schema) {
        Path file = directory.resolve(prefix + String.format("%05d", files.size()) + ".parquet");
        ParquetWriter writer = ParquetWriter.create(file, schema, ParquetWriterOptions.defaults());
        files.add(file);
        return writer;
    }
}
