package io.polaroid.parquet.format;

import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.RowGroupInfo;
import io.polaroid.parquet.schema.FileSchema;
import io.polaroid.parquet.schema.LeafColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;

/**
 * Parses and validates the footer of a Parquet file: magic numbers, the thrift {@link FileMetaData}, the
 * schema, and every column chunk's position against the file's size, so that later reads can trust them.
 */
public final class FooterParser {
    /** "PAR1": plain files. */
    public static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** "PARE": files whose footer is encrypted. */
    private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);
    /** Leading magic, trailing footer length and trailing magic. */
    public static final int MIN_FILE_SIZE = 12;

    private FooterParser() {
    }

    /** Everything a footer says that Polaroid uses. */
    public record ParsedFooter(FileSchema schema, List<RowGroupMeta> rowGroups, List<RowGroupInfo> rowGroupInfos,
                               long rowCount, String createdBy) {
    }

    /**
     * Checks the 8-byte tail (footer length + magic) and returns the footer length.
     *
     * @param head     the file's first 4 bytes
     * @param tail     the file's last 8 bytes
     */
    public static int footerLength(byte[] head, byte[] tail, long fileSize) {
        byte[] trailingMagic = Arrays.copyOfRange(tail, 4, 8);
        if (Arrays.equals(trailingMagic, ENCRYPTED_MAGIC) || Arrays.equals(head, ENCRYPTED_MAGIC)) {
            throw new EncryptedFileException("the file is encrypted (encrypted footer); Polaroid does not read "
                    + "encrypted Parquet files");
        }
        CorruptDataException.check(Arrays.equals(head, MAGIC) && Arrays.equals(trailingMagic, MAGIC),
                "not a Parquet file (no PAR1 magic at its start and end)");
        long length = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24;
        CorruptDataException.check(length > 0 && length <= fileSize - MIN_FILE_SIZE,
                "footer length " + length + " does not fit in a file of " + fileSize + " bytes (truncated file?)");
        return (int) length;
    }

    /**
     * @param footer     the thrift footer bytes
     * @param dataEnd    offset where the footer starts: every column chunk must end at or before it
     */
    public static ParsedFooter parse(byte[] footer, long dataEnd) {
        FileMetaData metadata = ThriftCodec.readFileMetaData(footer, 0, footer.length);
        if (metadata.isSetEncryption_algorithm()) {
            throw new EncryptedFileException("the file has encrypted columns (plaintext footer mode); Polaroid does "
                    + "not read encrypted Parquet files");
        }
        List<SchemaElement> elements = metadata.getSchema();
        FileSchema schema = io.polaroid.parquet.schema.SchemaConverter.convert(elements);
        List<LeafColumn> leaves = schema.leaves();
        boolean[] typeDefinedOrder = columnOrders(metadata, leaves.size());

        List<RowGroup> rowGroups = metadata.isSetRow_groups() ? metadata.getRow_groups() : List.of();
        List<RowGroupMeta> metas = new ArrayList<>(rowGroups.size());
        List<RowGroupInfo> infos = new ArrayList<>(rowGroups.size());
        long totalRows = 0;
        for (int index = 0; index < rowGroups.size(); index++) {
            RowGroup rowGroup = rowGroups.get(index);
            CorruptDataException.check(rowGroup.getNum_rows() >= 0,
                    "row group " + index + " has a negative row count");
            List<ColumnChunk> chunks = rowGroup.isSetColumns() ? rowGroup.getColumns() : List.of();
            CorruptDataException.check(chunks.size() == leaves.size(), "row group " + index + " has "
                    + chunks.size() + " column chunks but the schema has " + leaves.size() + " columns");
            List<ColumnChunkMeta> columns = new ArrayList<>(chunks.size());
            Map<String, ColumnStatistics> statistics = new LinkedHashMap<>();
            long compressedBytes = 0;
            for (int c = 0; c < chunks.size(); c++) {
                LeafColumn leaf = leaves.get(c);
                ColumnChunkMeta chunk = chunk(chunks.get(c), leaf, index, dataEnd);
                columns.add(chunk);
                compressedBytes += chunk.length();
                if (leaf.path().size() == 1 && leaf.maxRepetitionLevel() == 0) {
                    ColumnMetaData columnMetaData = chunks.get(c).getMeta_data();
                    ColumnStatistics converted = StatisticsConverter.convert(leaf,
                            columnMetaData.isSetStatistics() ? columnMetaData.getStatistics() : null,
                            typeDefinedOrder[c]);
                    if (converted.hasNullCount() || converted.hasMinMax()) {
                        statistics.putIfAbsent(leaf.path().get(0), converted);
                    }
                }
            }
            totalRows = Math.addExact(totalRows, rowGroup.getNum_rows());
            metas.add(new RowGroupMeta(index, rowGroup.getNum_rows(), compressedBytes, columns));
            infos.add(new RowGroupInfo(index, rowGroup.getNum_rows(), compressedBytes, statistics));
        }
        String createdBy = metadata.isSetCreated_by() ? metadata.getCreated_by() : "";
        return new ParsedFooter(schema, metas, infos, totalRows, createdBy);
    }

    private static ColumnChunkMeta chunk(ColumnChunk chunk, LeafColumn leaf, int rowGroup, long dataEnd) {
        String where = "column chunk " + leaf.dottedPath() + " of row group " + rowGroup;
        if (chunk.isSetCrypto_metadata() || chunk.isSetEncrypted_column_metadata()) {
            throw new EncryptedFileException("column " + leaf.dottedPath() + " is encrypted; Polaroid does not read "
                    + "encrypted Parquet files");
        }
        CorruptDataException.check(chunk.isSetMeta_data(), where + " has no metadata");
        CorruptDataException.check(!chunk.isSetFile_path() || chunk.getFile_path().isEmpty(),
                where + " lives in another file (" + chunk.getFile_path() + "), which Polaroid does not support");
        ColumnMetaData meta = chunk.getMeta_data();
        CorruptDataException.check(meta.getType() == leaf.physicalType(), where + " stores " + meta.getType()
                + " but the schema says " + leaf.physicalType());
        CorruptDataException.check(meta.getCodec() != null, where + " has an unknown compression codec");
        long start = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() >= MAGIC.length
                && meta.getDictionary_page_offset() < start) {
            start = meta.getDictionary_page_offset();
        }
        long length = meta.getTotal_compressed_size();
        CorruptDataException.check(start >= MAGIC.length && length >= 0 && start <= dataEnd
                        && length <= dataEnd - start,
                where + " claims bytes [" + start + ", " + start + " + " + length + ") outside the file's data");
        CorruptDataException.check(meta.getNum_values() >= 0, where + " has a negative value count");
        return new ColumnChunkMeta(leaf, meta.getCodec(), start, length, meta.getNum_values());
    }

    private static boolean[] columnOrders(FileMetaData metadata, int leafCount) {
        boolean[] typeDefined = new boolean[leafCount];
        Arrays.fill(typeDefined, true);
        if (metadata.isSetColumn_orders()) {
            List<ColumnOrder> orders = metadata.getColumn_orders();
            for (int i = 0; i < leafCount; i++) {
                typeDefined[i] = i < orders.size() && orders.get(i).isSetTYPE_ORDER();
            }
        }
        return typeDefined;
    }
}
