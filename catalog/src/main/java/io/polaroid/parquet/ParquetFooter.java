package io.polaroid.parquet;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.EncryptedFileException;
import io.polaroid.parquet.format.FileReads;
import io.polaroid.parquet.format.FooterParser;
import io.polaroid.parquet.format.ParquetErrors;
import io.polaroid.parquet.format.RowGroupMeta;
import io.polaroid.parquet.schema.FileSchema;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The metadata of one Parquet file: its Arrow schema, row groups and their statistics, and where every
 * column chunk lives. Immutable and thread-safe; it holds no open file, so the catalog may keep many.
 */
public final class ParquetFooter {
    private final Path file;
    private final long fileSize;
    private final long lastModifiedMillis;
    private final FileSchema schema;
    private final List<RowGroupMeta> rowGroupMetas;
    private final List<RowGroupInfo> rowGroups;
    private final long rowCount;
    private final String createdBy;

    private ParquetFooter(Path file, long fileSize, long lastModifiedMillis, FooterParser.ParsedFooter parsed) {
        this.file = file;
        this.fileSize = fileSize;
        this.lastModifiedMillis = lastModifiedMillis;
        this.schema = parsed.schema();
        this.rowGroupMetas = List.copyOf(parsed.rowGroups());
        this.rowGroups = List.copyOf(parsed.rowGroupInfos());
        this.rowCount = parsed.rowCount();
        this.createdBy = parsed.createdBy();
    }

    /**
     * Reads and validates the footer of {@code file}.
     *
     * @throws PolaroidException FILE_NOT_FOUND if it does not exist; IO_ERROR if it cannot be read;
     *                           DATA_CORRUPTED if it is not a readable Parquet file (empty, truncated, corrupt
     *                           metadata, a directory, or encrypted)
     */
    public static ParquetFooter read(Path file) {
        Objects.requireNonNull(file, "file");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + file, e);
        } catch (IOException e) {
            throw ParquetErrors.io(file, "inspecting", e);
        }
        if (attributes.isDirectory()) {
            throw ParquetErrors.corrupt(file, "it is a directory, not a Parquet file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw ParquetErrors.corrupt(file, "the file is empty");
            }
            if (size < FooterParser.MIN_FILE_SIZE) {
                throw ParquetErrors.corrupt(file, "only " + size + " bytes, too small for a Parquet file");
            }
            byte[] head = new byte[4];
            byte[] tail = new byte[8];
            FileReads.readFully(channel, 0, head, 0, head.length);
            FileReads.readFully(channel, size - tail.length, tail, 0, tail.length);
            int footerLength = FooterParser.footerLength(head, tail, size);
            long footerStart = size - tail.length - footerLength;
            byte[] footer = new byte[footerLength];
            FileReads.readFully(channel, footerStart, footer, 0, footerLength);
            FooterParser.ParsedFooter parsed = FooterParser.parse(footer, footerStart);
            return new ParquetFooter(file, size, attributes.lastModifiedTime().toMillis(), parsed);
        } catch (NoSuchFileException e) {
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + file, e);
        } catch (EOFException e) {
            throw ParquetErrors.corrupt(file, "the file is truncated");
        } catch (IOException e) {
            throw ParquetErrors.io(file, "reading the footer of", e);
        } catch (CorruptDataException | EncryptedFileException e) {
            throw ParquetErrors.corrupt(file, e.getMessage());
        } catch (ArithmeticException e) {
            throw ParquetErrors.corrupt(file, "row counts overflow");
        }
    }

    public Path file() {
        return file;
    }

    public long fileSize() {
        return fileSize;
    }

    public long lastModifiedMillis() {
        return lastModifiedMillis;
    }

    /** The file's top-level columns as Arrow fields (see the team brief for the type mapping). */
    public Schema arrowSchema() {
        return schema.arrowSchema();
    }

    public long rowCount() {
        return rowCount;
    }

    public List<RowGroupInfo> rowGroups() {
        return rowGroups;
    }

    /** The writer's identification, or "" when absent. */
    public String createdBy() {
        return createdBy;
    }

    /** The file's schema with Dremel levels, for the reader. */
    FileSchema fileSchema() {
        return schema;
    }

    /** Column chunk positions per row group, for the reader. */
    List<RowGroupMeta> rowGroupMetas() {
        return rowGroupMetas;
    }

    @Override
    public String toString() {
        return "ParquetFooter[" + file + ", " + rowCount + " rows, " + rowGroups.size() + " row groups]";
    }
}
