package io.polaroid.engine.exec.agg;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.MemoryReservation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** COUNT(*) (no arguments) and COUNT(a, b ...): rows where every argument is non-NULL. */
final class CountAccumulator extends Accumulator {
    private final int[] arguments;
    private final String description;
    private long[] counts = new long[0];

    CountAccumulator(int[] arguments, String description, MemoryReservation memory) {
        super(memory);
        this.arguments = arguments.clone();
        this.description = description;
    }

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void grow(int capacity) {
        counts = Arrays.copyOf(counts, capacity);
    }

    @Override
    void add(Batch batch, int[] groups, int[] rows, int count) {
        List<ArrowBuf> nullable = new ArrayList<>();
        for (int argument : arguments) {
            FieldVector column = batch.column(argument);
            if (ColumnValues.mayHaveNulls(column)) {
                nullable.add(column.getValidityBuffer());
            }
        }
        long[] counts = this.counts;
        if (nullable.isEmpty()) {
            for (int k = 0; k < count; k++) {
                counts[groups[rows[k]]]++;
            }
            return;
        }
        ArrowBuf[] validities = nullable.toArray(new ArrowBuf[0]);
        rowLoop:
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            for (ArrowBuf validity : validities) {
                if (ColumnValues.isNull(validity, row)) {
                    continue rowLoop;
                }
            }
            counts[groups[row]]++;
        }
    }

    @Override
    void write(int from, int count, FieldVector target) {
        ResultWriter.prepare(target, count);
        for (int i = 0; i < count; i++) {
            ResultWriter.setLong(target, i, counts[from + i], description);
        }
    }
}
