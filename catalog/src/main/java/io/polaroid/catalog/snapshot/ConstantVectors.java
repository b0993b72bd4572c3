package io.polaroid.catalog.snapshot;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Vectors that hold one value in every row: NULL for a column a file does not have, or a file's hive
 * partition value (BIGINT, DATE or VARCHAR, the only partition types).
 */
final class ConstantVectors {
    private ConstantVectors() {
    }

    /** A new vector of {@code rows} copies of {@code value} (null: all NULL), owned by the caller. */
    static FieldVector create(Field field, Object value, int rows, BufferAllocator allocator) {
        FieldVector vector = field.createVector(allocator);
        try {
            vector.setInitialCapacity(rows);
            // Arrow zeroes validity buffers on allocation, so an unset slot is NULL.
            vector.allocateNew();
            if (value != null) {
                fill(vector, value, rows);
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    private static void fill(FieldVector vector, Object value, int rows) {
        if (vector instanceof BigIntVector bigInt && value instanceof Long number) {
            for (int i = 0; i < rows; i++) {
                bigInt.set(i, number);
            }
        } else if (vector instanceof DateDayVector date && value instanceof Long days) {
            int day = Math.toIntExact(days);
            for (int i = 0; i < rows; i++) {
                date.set(i, day);
            }
        } else if (vector instanceof VarCharVector varChar && value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < rows; i++) {
                varChar.setSafe(i, bytes);
            }
        } else {
            throw new IllegalArgumentException("cannot fill a " + vector.getField().getType() + " column with "
                    + value.getClass().getSimpleName() + " " + value);
        }
    }
}
