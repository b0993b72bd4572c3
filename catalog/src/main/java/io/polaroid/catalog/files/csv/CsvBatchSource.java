package io.polaroid.catalog.files.csv;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams a CSV file as batches of the selected columns: reads up to {@code batchRows} records, converts
 * each selected field to its column's type and writes it into fresh vectors. The previous batch's
 * vectors are freed on the next call, so memory stays at one batch.
 */
final class CsvBatchSource implements BatchSource {
    private final CsvRows rows;
    private final int headerWidth;
    private final int[] positions;
    private final CsvType[] types;
    private final Schema schema;
    private final int batchRows;
    private final BufferAllocator allocator;
    private final List<String> record = new ArrayList<>();
    private List<FieldVector> current = List.of();
    private boolean exhausted;
    private boolean closed;

    CsvBatchSource(CsvRows rows, int headerWidth, List<Integer> positions, List<CsvType> types, Schema schema,
                   int batchRows, BufferAllocator allocator) {
        this.rows = rows;
        this.headerWidth = headerWidth;
        this.positions = positions.stream().mapToInt(Integer::intValue).toArray();
        this.types = types.toArray(new CsvType[0]);
        this.schema = schema;
        this.batchRows = batchRows;
        this.allocator = allocator;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Batch next() {
        freeCurrent();
        if (closed || exhausted) {
            return null;
        }
        List<FieldVector> vectors = new ArrayList<>(positions.length);
        try {
            for (var field : schema.getFields()) {
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                vector.allocateNew();
            }
            int count = 0;
            while (count < batchRows && rows.next(record)) {
                if (record.size() != headerWidth) {
                    throw rows.corrupt("the record has " + record.size() + " fields, the header has " + headerWidth, null);
                }
                for (int i = 0; i < positions.length; i++) {
                    write(vectors.get(i), types[i], count, record.get(positions[i]), i);
                }
                count++;
            }
            exhausted = count < batchRows;
            if (count == 0) {
                closeAll(vectors);
                return null;
            }
            for (FieldVector vector : vectors) {
                vector.setValueCount(count);
            }
            current = vectors;
            return new Batch(vectors, count);
        } catch (RuntimeException | Error e) {
            closeAll(vectors);
            throw e;
        }
    }

    private void write(FieldVector vector, CsvType type, int row, String text, int column) {
        if (text.isEmpty()) {
            vector.setNull(row);
            return;
        }
        try {
            switch (type) {
                case BOOLEAN -> ((BitVector) vector).setSafe(row, parseBoolean(text));
                case BIGINT -> ((BigIntVector) vector).setSafe(row, Long.parseLong(text));
                case DOUBLE -> ((Float8Vector) vector).setSafe(row, Double.parseDouble(text));
                case DATE -> ((DateDayVector) vector).setSafe(row, CsvTemporals.epochDay(text));
                case TIMESTAMP -> ((TimeStampMicroVector) vector).setSafe(row, CsvTemporals.timestampMicros(text));
                case VARCHAR -> ((VarCharVector) vector).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            throw new PolaroidException(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST, "CSV file '" + rows.file()
                    + "' line " + rows.line() + ": '" + text + "' in column '" + schema.getFields().get(column).getName()
                    + "' is not a " + type + " (the type inferred from the first " + CsvFile.SAMPLE_ROWS + " records)", e);
        }
    }

    private static int parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return 1;
        }
        if (text.equalsIgnoreCase("false")) {
            return 0;
        }
        throw new NumberFormatException("not a boolean");
    }

    private void freeCurrent() {
        closeAll(current);
        current = List.of();
    }

    private static void closeAll(List<FieldVector> vectors) {
        vectors.forEach(FieldVector::close);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            freeCurrent();
        } finally {
            rows.close();
        }
    }
}
