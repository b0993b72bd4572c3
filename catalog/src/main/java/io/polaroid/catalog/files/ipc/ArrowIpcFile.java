package io.polaroid.catalog.files.ipc;

import io.polaroid.catalog.files.TableFile;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An Arrow IPC file, read with arrow-java's own readers: the random-access file format (magic
 * {@code ARROW1}; Feather v2 is this format) or the stream format, told apart by the magic. Record batches
 * are read one at a time, so memory stays at one batch whatever the file's size.
 */
public final class ArrowIpcFile implements TableFile {
    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /**
     * Parts a file's record batches are grouped into at most: enough for every scan thread of a large
     * machine, few enough that a file of many small batches does not re-read its footer per batch.
     */
    static final int MAX_PARTS = 64;

    private final Path path;
    private final boolean fileFormat;
    private final List<IpcColumn> columns;
    private final Schema schema;
    private final long estimatedRows;
    /** Record batches of the file format (the stream format has no index: 0). */
    private final int recordBatches;

    private ArrowIpcFile(Path path, boolean fileFormat, int recordBatches, List<IpcColumn> columns, long estimatedRows) {
        this.path = path;
        this.fileFormat = fileFormat;
        this.recordBatches = recordBatches;
        this.columns = List.copyOf(columns);
        this.schema = new Schema(columns.stream().map(IpcColumn::field).toList());
        this.estimatedRows = estimatedRows;
    }

    /**
     * Reads the schema and the first record batch (for the row estimate) with {@code allocator}, holding
     * nothing afterwards. {@code 22000} if the file is not Arrow IPC, {@code 0A000} for a column type the
     * system does not serve.
     */
    public static ArrowIpcFile open(Path path, long fileSize, BufferAllocator allocator) {
        Objects.requireNonNull(path, "path");
        boolean fileFormat = hasFileMagic(path);
        try (ArrowReader reader = reader(path, fileFormat, allocator)) {
            Schema schema = readSchema(reader, path);
            List<IpcColumn> columns = schema.getFields().stream().map(field -> IpcColumn.of(field, path)).toList();
            long rows = 0;
            try {
                int recordBatches = reader instanceof ArrowFileReader file ? file.getRecordBlocks().size() : 0;
                if (reader.loadNextBatch()) {
                    rows = reader.getVectorSchemaRoot().getRowCount();
                }
                long bytes = Math.max(1, reader.bytesRead());
                long estimate = bytes >= fileSize ? rows : (long) ((double) rows * fileSize / bytes);
                return new ArrowIpcFile(path, fileFormat, recordBatches, columns, estimate);
            } catch (IOException | RuntimeException e) {
                throw undecodable(path, e);
            }
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot close Arrow file '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long estimatedRows() {
        return estimatedRows;
    }

    /** The file format's record batches in up to {@value #MAX_PARTS} contiguous groups; a stream is one part. */
    @Override
    public int parts() {
        return Math.max(1, Math.min(recordBatches, MAX_PARTS));
    }

    @Override
    public BatchSource open(int part, List<Integer> positions, int batchRows, BufferAllocator allocator) {
        if (part < 0 || part >= parts()) {
            throw new IllegalArgumentException("Arrow file '" + path + "' has parts 0 to " + (parts() - 1) + ", not " + part);
        }
        ArrowReader reader = reader(path, fileFormat, allocator);
        try {
            Schema fileSchema = readSchema(reader, path);
            if (!fileSchema.getFields().stream().map(f -> IpcColumn.of(f, path).field()).toList().equals(schema.getFields())) {
                throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH,
                        "the columns of Arrow file '" + path + "' changed since the connection read them; reconnect");
            }
            List<IpcColumn> selected = positions.stream().map(columns::get).toList();
            List<Field> fields = selected.stream().map(IpcColumn::field).toList();
            return new IpcBatchSource(path, reader, batchesOf(reader, part), positions, selected, new Schema(fields),
                    batchRows, allocator);
        } catch (IOException e) {
            closeQuietly(reader);
            throw undecodable(path, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** Loads the record batches of {@code part} into the reader's root, one per call. */
    private IpcBatchSource.RecordBatches batchesOf(ArrowReader reader, int part) throws IOException {
        if (!(reader instanceof ArrowFileReader file)) {
            return reader::loadNextBatch;
        }
        List<ArrowBlock> blocks = file.getRecordBlocks();
        if (blocks.size() != recordBatches) {
            throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH,
                    "the record batches of Arrow file '" + path + "' changed since the connection read them; reconnect");
        }
        int parts = parts();
        int from = (int) ((long) blocks.size() * part / parts);
        int to = (int) ((long) blocks.size() * (part + 1) / parts);
        int[] next = {from};
        return () -> next[0] < to && file.loadRecordBatch(blocks.get(next[0]++));
    }

    static PolaroidException undecodable(Path path, Exception cause) {
        if (cause instanceof PolaroidException polaroid) {
            return polaroid;
        }
        return new PolaroidException(ErrorCode.DATA_CORRUPTED, "Arrow file '" + path + "' cannot be decoded: "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    private static Schema readSchema(ArrowReader reader, Path path) {
        try {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            return root.getSchema();
        } catch (IOException | RuntimeException e) {
            throw undecodable(path, e);
        }
    }

    private static ArrowReader reader(Path path, boolean fileFormat, BufferAllocator allocator) {
        FileChannel channel = channel(path);
        try {
            return fileFormat ? new ArrowFileReader(channel, allocator)
                    : new ArrowStreamReader(channel, allocator);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static boolean hasFileMagic(Path path) {
        try (FileChannel channel = channel(path)) {
            ByteBuffer start = ByteBuffer.allocate(FILE_MAGIC.length);
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read until the magic's length or the end of the file
            }
            return !start.hasRemaining() && ByteBuffer.wrap(FILE_MAGIC).equals(start.flip());
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot read Arrow file '" + path + "': " + e.getMessage(), e);
        }
    }

    private static FileChannel channel(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "Arrow file '" + path + "' does not exist", e);
        } catch (AccessDeniedException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "Arrow file '" + path + "' cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot open Arrow file '" + path + "': " + e.getMessage(), e);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // a reader of a read-only file: nothing to lose
        }
    }
}
