package io.polaroid.parquet;

import io.polaroid.columnar.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;

/** Reads whole files with {@link ParquetReader} into normalized rows, for comparisons. */
final class Reads {
    private Reads() {
    }

    static ParquetReadRequest all(ParquetFooter footer, int batchRows) {
        return new ParquetReadRequest(footer.arrowSchema().getFields(),
                IntStream.range(0, footer.rowGroups().size()).boxed().toList(), batchRows);
    }

    static List<List<Object>> rows(Path file, BufferAllocator allocator) {
        ParquetFooter footer = ParquetFooter.read(file);
        return rows(footer, all(footer, 1000), allocator);
    }

    static List<List<Object>> rows(ParquetFooter footer, ParquetReadRequest request, BufferAllocator allocator) {
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetReader reader = ParquetReader.open(footer, request, allocator)) {
            for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                if (batch.rowCount() == 0) {
                    throw new AssertionError("empty batch");
                }
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> values = new ArrayList<>(batch.columnCount());
                    for (int c = 0; c < batch.columnCount(); c++) {
                        values.add(Normalized.of(batch.column(c), row));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    /** Reads every batch without interpreting values (corrupt files may decode to values no type accepts). */
    static long drain(ParquetFooter footer, ParquetReadRequest request, BufferAllocator allocator) {
        long rows = 0;
        try (ParquetReader reader = ParquetReader.open(footer, request, allocator)) {
            for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                rows += batch.rowCount();
            }
        }
        return rows;
    }

    static String columnList(List<Field> fields) {
        return String.join(", ", fields.stream().map(f -> '"' + f.getName() + '"').toList());
    }
}
