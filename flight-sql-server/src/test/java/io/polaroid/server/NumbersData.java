package io.polaroid.server;

import io.polaroid.columnar.Batch;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A Parquet file of {@code rows} rows {@code (id BIGINT NOT NULL, grp INT, name VARCHAR)} written with the
 * catalog's writer: {@code id} counts from 0, {@code grp = id % 10}, {@code name = 'n' || id}, and every
 * 7th {@code grp} is NULL. Row groups of 10,000 rows, so scans produce many batches.
 */
public final class NumbersData {
    public static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("grp", new ArrowType.Int(32, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE)));
    private static final int CHUNK = 10_000;

    private NumbersData() {
    }

    public static Path write(Path file, long rows) {
        ParquetWriterOptions options = ParquetWriterOptions.defaults();
        options = new ParquetWriterOptions(options.codec(), CHUNK, options.pageSizeBytes(), options.dictionary(),
                options.dataPageV2());
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
            ParquetWriter writer = ParquetWriter.create(file, SCHEMA, options);
            try {
                for (long start = 0; start < rows; start += CHUNK) {
                    int count = (int) Math.min(CHUNK, rows - start);
                    fill(root, start, count);
                    writer.write(new Batch(root.getFieldVectors(), count));
                }
            } finally {
                writer.close();
            }
        }
        return file;
    }

    private static void fill(VectorSchemaRoot root, long start, int count) {
        root.getFieldVectors().forEach(vector -> vector.setInitialCapacity(count));
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector("id");
        IntVector grp = (IntVector) root.getVector("grp");
        VarCharVector name = (VarCharVector) root.getVector("name");
        for (int i = 0; i < count; i++) {
            long value = start + i;
            id.setSafe(i, value);
            if (value % 7 == 0) {
                grp.setNull(i);
            } else {
                grp.setSafe(i, (int) (value % 10));
            }
            name.setSafe(i, ("n" + value).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(count);
    }
}
