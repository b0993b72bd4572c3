package io.polaroid.parquet;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.format.ParquetErrors;
import io.polaroid.parquet.format.RowGroupMeta;
import io.polaroid.parquet.read.ColumnReader;
import io.polaroid.parquet.read.ColumnReaders;
import io.polaroid.parquet.read.UnsupportedCodecException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the requested columns and row groups of one Parquet file as Arrow batches, column by column and page
 * by page, straight into vectors.
 *
 * <p>Every batch is made of freshly allocated vectors: a consumer may take their buffers with a transfer pair
 * before calling {@link #next()}. The reader frees the previous batch on {@code next()} and {@code close()},
 * whether or not it was emptied by a transfer. Batches never span row groups. A reader is used by one thread;
 * any number of readers may read the same file at once (each has its own channel).
 */
public final class ParquetReader implements BatchSource {
    private final ParquetFooter footer;
    private final ParquetReadRequest request;
    private final BufferAllocator allocator;
    private final Schema schema;
    private final FileChannel channel;
    private final List<ColumnReader> columns;
    private int nextRowGroup;
    private RowGroupMeta rowGroup;
    private long rowsLeftInGroup;
    private List<FieldVector> previous = List.of();
    private boolean closed;
    /** Set when a batch failed: the stream cannot continue, and must not look like it ended normally. */
    private RuntimeException failure;

    private ParquetReader(ParquetFooter footer, ParquetReadRequest request, BufferAllocator allocator,
                          FileChannel channel, List<ColumnReader> columns) {
        this.footer = footer;
        this.request = request;
        this.allocator = allocator;
        this.schema = new Schema(request.columns());
        this.channel = channel;
        this.columns = columns;
    }

    /**
     * Opens {@code footer}'s file for reading {@code request}.
     *
     * @throws PolaroidException SCHEMA_MISMATCH when a requested column cannot be read as its target type (or is
     *         absent and not nullable); INVALID_PARAMETER_VALUE for a row group index out of range;
     *         FILE_NOT_FOUND / IO_ERROR when the file cannot be opened or changed since the footer was read
     */
    public static ParquetReader open(ParquetFooter footer, ParquetReadRequest request, BufferAllocator allocator) {
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(allocator, "allocator");
        for (int index : request.rowGroups()) {
            if (index < 0 || index >= footer.rowGroups().size()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "Parquet file " + footer.file()
                        + " has " + footer.rowGroups().size() + " row groups; there is no row group " + index);
            }
        }
        FileChannel channel = openChannel(footer);
        try {
            List<ColumnReader> columns = new ArrayList<>(request.columns().size());
            for (Field field : request.columns()) {
                try {
                    columns.add(ColumnReaders.create(footer.fileSchema(), field, channel));
                } catch (IllegalArgumentException e) {
                    throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH,
                            "Cannot read Parquet file " + footer.file() + ": " + e.getMessage(), e);
                }
            }
            return new ParquetReader(footer, request, allocator, channel, columns);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static FileChannel openChannel(ParquetFooter footer) {
        try {
            FileChannel channel = FileChannel.open(footer.file(), StandardOpenOption.READ);
            long size = channel.size();
            long modified = Files.getLastModifiedTime(footer.file()).toMillis();
            if (size != footer.fileSize() || modified != footer.lastModifiedMillis()) {
                channel.close();
                throw new PolaroidException(ErrorCode.IO_ERROR, "Parquet file " + footer.file()
                        + " changed after its metadata was read (refresh the dataset)");
            }
            return channel;
        } catch (NoSuchFileException e) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + footer.file(), e);
        } catch (IOException e) {
            throw ParquetErrors.io(footer.file(), "opening", e);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("reader of " + footer.file() + " is closed");
        }
        releasePrevious();
        if (failure != null) {
            throw new IllegalStateException("reader of " + footer.file() + " failed earlier", failure);
        }
        while (rowsLeftInGroup == 0) {
            if (nextRowGroup == request.rowGroups().size()) {
                return null;
            }
            try {
                startRowGroup(footer.rowGroupMetas().get(request.rowGroups().get(nextRowGroup++)));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        int rows = (int) Math.min(request.batchRows(), rowsLeftInGroup);
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
            for (ColumnReader column : columns) {
                vectors.add(readColumn(column, rows));
            }
        } catch (RuntimeException | Error e) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            throw e;
        }
        rowsLeftInGroup -= rows;
        previous = vectors;
        return new Batch(vectors, rows);
    }

    private void startRowGroup(RowGroupMeta meta) {
        rowGroup = meta;
        for (ColumnReader column : columns) {
            try {
                column.startRowGroup(meta);
            } catch (EOFException e) {
                throw ParquetErrors.corrupt(footer.file(), column.name(), "the file is truncated", e);
            } catch (IOException e) {
                throw ParquetErrors.io(footer.file(), "reading column '" + column.name() + "' of", e);
            } catch (RuntimeException e) {
                throw translate(column, e);
            }
        }
        rowsLeftInGroup = meta.rowCount();
    }

    private FieldVector readColumn(ColumnReader column, int rows) {
        try {
            return column.readBatch(rows, allocator);
        } catch (RuntimeException e) {
            throw translate(column, e);
        }
    }

    private RuntimeException translate(ColumnReader column, RuntimeException e) {
        if (e instanceof PolaroidException) {
            return e;
        }
        if (e instanceof UnsupportedCodecException codec) {
            return ParquetErrors.unsupported(footer.file(), column.name(), codec.getMessage());
        }
        if (e instanceof OutOfMemoryException) {
            return new PolaroidException(ErrorCode.OUT_OF_MEMORY, "Out of memory reading column '" + column.name()
                    + "' of Parquet file " + footer.file() + ": " + e.getMessage(), e);
        }
        if (ParquetErrors.isDecodingFailure(e)) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ParquetErrors.corrupt(footer.file(), column.name(), "row group " + rowGroup.index() + ": " + detail, e);
        }
        return e;
    }

    private void releasePrevious() {
        for (FieldVector vector : previous) {
            vector.close();
        }
        previous = List.of();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releasePrevious();
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of a read channel loses nothing.
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
