package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.DataFile;
import io.polaroid.columnar.BatchSource;
import io.polaroid.parquet.ParquetFooter;
import io.polaroid.parquet.ParquetReadRequest;
import io.polaroid.parquet.ParquetReader;
import io.polaroid.parquet.RowGroupInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How dataset columns are produced from one file: a column the file has is read from it in the dataset's
 * (possibly wider) type; a partition column is filled with the file's partition value; a column the file
 * lacks is filled with NULL.
 */
final class FileProjection {
    private final DataFile file;
    private final List<Field> outputFields;
    private final List<Field> readFields;
    /** Per output column: its position among {@link #readFields}, or -1 if it is a constant. */
    private final int[] readPosition;
    /** Per output column: the constant (partition value or null) when it is not read. */
    private final Object[] constants;

    private FileProjection(DataFile file, List<Field> outputFields, List<Field> readFields, int[] readPosition,
                           Object[] constants) {
        this.file = file;
        this.outputFields = outputFields;
        this.readFields = readFields;
        this.readPosition = readPosition;
        this.constants = constants;
    }

    /** The projection of the dataset columns {@code columns} (indexes into the snapshot schema) onto {@code file}. */
    static FileProjection of(Snapshot snapshot, DataFile file, int[] columns) {
        Set<String> fileColumns = new HashSet<>();
        for (Field field : file.schema().getFields()) {
            fileColumns.add(field.getName());
        }
        List<Field> datasetFields = snapshot.schema().getFields();
        List<Field> outputFields = new ArrayList<>(columns.length);
        List<Field> readFields = new ArrayList<>();
        Map<String, Integer> readPositions = new HashMap<>();
        int[] readPosition = new int[columns.length];
        Object[] constants = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Field field = datasetFields.get(columns[i]);
            outputFields.add(field);
            String name = field.getName();
            if (snapshot.isPartitionColumn(columns[i])) {
                readPosition[i] = -1;
                constants[i] = file.partitionValues().get(name);
            } else if (fileColumns.contains(name)) {
                // A column requested twice is read once.
                readPosition[i] = readPositions.computeIfAbsent(name, n -> {
                    readFields.add(field);
                    return readFields.size() - 1;
                });
            } else {
                readPosition[i] = -1;
            }
        }
        return new FileProjection(file, List.copyOf(outputFields), List.copyOf(readFields), readPosition, constants);
    }

    DataFile file() {
        return file;
    }

    List<Field> outputFields() {
        return outputFields;
    }

    int columnCount() {
        return outputFields.size();
    }

    /** Position of output column {@code column} in the rows source's batches, or -1 for a constant column. */
    int readPosition(int column) {
        return readPosition[column];
    }

    /**
     * Opens the source of the file's columns for {@code rowGroups}: a Parquet reader, or when no column is
     * read from the file (only constants, or none at all), a source of row counts from the footer.
     */
    BatchSource openRows(ParquetFooter footer, List<RowGroupInfo> rowGroups, int batchRows, BufferAllocator allocator) {
        if (readFields.isEmpty()) {
            return new RowGroupRows(rowGroups, batchRows);
        }
        List<Integer> indexes = rowGroups.stream().map(RowGroupInfo::index).toList();
        return ParquetReader.open(footer, new ParquetReadRequest(readFields, indexes, batchRows), allocator);
    }

    /**
     * New vectors of {@code rows} rows for every constant output column, null at the positions of read
     * columns; the caller owns them.
     */
    FieldVector[] createConstants(int rows, BufferAllocator allocator) {
        FieldVector[] vectors = new FieldVector[outputFields.size()];
        try {
            for (int i = 0; i < vectors.length; i++) {
                if (readPosition[i] < 0) {
                    vectors[i] = ConstantVectors.create(outputFields.get(i), constants[i], rows, allocator);
                }
            }
            return vectors;
        } catch (RuntimeException e) {
            closeAll(vectors);
            throw e;
        }
    }

    /** Closes every non-null vector of {@code vectors}. */
    static void closeAll(FieldVector[] vectors) {
        for (FieldVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }
}
