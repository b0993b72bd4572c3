package io.polaroid.parquet;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.format.ParquetErrors;
import io.polaroid.parquet.write.FileLayoutWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes Arrow batches of a flat schema to a Parquet file: dictionary or PLAIN values, RLE definition levels,
 * v1 or v2 data pages, any {@link ParquetCodec}, logical types that read back as the same Arrow types, and
 * column chunk statistics (min, max, null count) for pruning. Row groups are buffered in memory (compressed)
 * and written as they fill.
 *
 * <p>{@link #close()} writes the footer. If writing fails, the partial file is deleted: a file that exists
 * after {@code close()} returned normally is complete.
 */
public final class ParquetWriter implements AutoCloseable {
    private final Path file;
    private final Schema schema;
    private final FileLayoutWriter layout;
    private boolean failed;
    private boolean closed;

    private ParquetWriter(Path file, Schema schema, FileLayoutWriter layout) {
        this.file = file;
        this.schema = schema;
        this.layout = layout;
    }

    /**
     * Creates (or replaces) {@code file}.
     *
     * @throws PolaroidException FEATURE_NOT_SUPPORTED for a field the writer cannot store (nested, unsigned,
     *         large or view types); IO_ERROR when the file cannot be created
     */
    public static ParquetWriter create(Path file, Schema schema, ParquetWriterOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        try {
            return new ParquetWriter(file, schema, new FileLayoutWriter(file, schema.getFields(), options));
        } catch (IllegalArgumentException e) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "Cannot write Parquet file " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw ParquetErrors.io(file, "creating", e);
        }
    }

    /** Appends the batch's rows; its columns must match the schema's fields in order and type. */
    public void write(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        if (closed || failed) {
            throw new IllegalStateException("writer of " + file + " is " + (closed ? "closed" : "failed"));
        }
        checkMatches(batch);
        try {
            layout.write(batch.columns(), batch.rowCount());
        } catch (IOException e) {
            failed = true;
            throw ParquetErrors.io(file, "writing", e);
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    private void checkMatches(Batch batch) {
        List<Field> fields = schema.getFields();
        if (batch.columnCount() != fields.size()) {
            throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "Cannot write to Parquet file " + file + ": the batch has "
                    + batch.columnCount() + " columns, the file's schema " + fields.size());
        }
        for (int c = 0; c < fields.size(); c++) {
            FieldVector column = batch.column(c);
            Field field = fields.get(c);
            if (!column.getField().getType().equals(field.getType())) {
                throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "Cannot write to Parquet file " + file
                        + ": column " + c + " of the batch is " + column.getField().getType() + ", but '"
                        + field.getName() + "' is " + field.getType());
            }
            if (!field.isNullable() && column.getNullCount() > 0) {
                throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "Cannot write to Parquet file " + file
                        + ": column '" + field.getName() + "' is not nullable but the batch has nulls");
            }
        }
    }

    public long rowsWritten() {
        return layout.rowsWritten();
    }

    /** Writes the footer and closes the file; after a failure, deletes the partial file instead. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            if (!failed) {
                layout.finish();
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failed = true;
            closeAndDelete(e);
            throw e;
        }
        try {
            layout.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null || failed) {
            deleteQuietly(failure);
            if (failure != null) {
                throw ParquetErrors.io(file, "finishing", failure);
            }
        }
    }

    private void closeAndDelete(Throwable failure) {
        try {
            layout.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        deleteQuietly(failure);
    }

    private void deleteQuietly(Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
