package io.polaroid.parquet.write;

import io.polaroid.parquet.ParquetWriterOptions;
import io.polaroid.parquet.format.FooterParser;
import io.polaroid.parquet.format.ThriftCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.TypeDefinedOrder;

/**
 * The file-level part of writing: the magic, row groups made of the column writers' chunks, and the footer.
 * Not thread-safe; {@link io.polaroid.parquet.ParquetWriter} owns one.
 */
public final class FileLayoutWriter implements AutoCloseable {
    public static final String CREATED_BY = "polaroid version 0.1.0";

    private final List<ColumnSpec> columns;
    private final List<ColumnChunkWriter> writers = new ArrayList<>();
    private final ParquetWriterOptions options;
    private final CountingOutputStream out;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long rowsInGroup;
    private long totalRows;

    /**
     * @throws IllegalArgumentException if a field has a type the writer cannot store
     * @throws IOException if the file cannot be created
     */
    public FileLayoutWriter(Path file, List<Field> fields, ParquetWriterOptions options) throws IOException {
        this.columns = SchemaMapping.columns(fields);
        this.options = options;
        for (ColumnSpec column : columns) {
            writers.add(column.source().isBinary() ? new BinaryColumnWriter(column, options)
                    : new FixedColumnWriter(column, options));
        }
        this.out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16));
        out.write(FooterParser.MAGIC);
    }

    public long rowsWritten() {
        return totalRows + rowsInGroup;
    }

    /** Appends rows {@code [0, rowCount)} of {@code vectors} (one per column, in schema order). */
    public void write(List<FieldVector> vectors, int rowCount) throws IOException {
        int done = 0;
        while (done < rowCount) {
            int n = (int) Math.min(rowCount - done, options.rowGroupRows() - rowsInGroup);
            for (int c = 0; c < writers.size(); c++) {
                writers.get(c).write(vectors.get(c), done, n);
            }
            rowsInGroup += n;
            done += n;
            if (rowsInGroup == options.rowGroupRows()) {
                flushRowGroup();
            }
        }
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup == 0) {
            return;
        }
        long start = out.position();
        List<ColumnChunk> chunks = new ArrayList<>(writers.size());
        long uncompressed = 0;
        for (ColumnChunkWriter writer : writers) {
            ColumnChunk chunk = writer.writeChunk(out, out.position());
            uncompressed += chunk.getMeta_data().getTotal_uncompressed_size();
            chunks.add(chunk);
        }
        RowGroup rowGroup = new RowGroup(chunks, uncompressed, rowsInGroup);
        rowGroup.setFile_offset(start);
        rowGroup.setTotal_compressed_size(out.position() - start);
        rowGroup.setOrdinal((short) Math.min(Short.MAX_VALUE, rowGroups.size()));
        rowGroups.add(rowGroup);
        totalRows += rowsInGroup;
        rowsInGroup = 0;
    }

    /** Flushes the last row group and writes the footer. */
    public void finish() throws IOException {
        flushRowGroup();
        FileMetaData metadata = new FileMetaData(options.dataPageV2() ? 2 : 1, SchemaMapping.schemaElements(columns),
                totalRows, rowGroups);
        metadata.setCreated_by(CREATED_BY);
        List<ColumnOrder> orders = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
        }
        metadata.setColumn_orders(orders);
        byte[] footer = ThriftCodec.serialize(metadata);
        out.write(footer);
        out.write(new byte[] {(byte) footer.length, (byte) (footer.length >>> 8), (byte) (footer.length >>> 16),
                (byte) (footer.length >>> 24)});
        out.write(FooterParser.MAGIC);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Tracks the file offset, which column chunk metadata records. */
    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream delegate;
        private long position;

        CountingOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        long position() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
            position += length;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
