package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.ColumnValues;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** {@link Extremes} of Decimal columns, compared as 128-bit two's complement values. */
final class DecimalExtremes extends Extremes {
    private long[] bestLow = new long[0];
    private long[] bestHigh = new long[0];
    private boolean[] seen = new boolean[0];
    private long[] low = new long[0];
    private long[] high = new long[0];

    DecimalExtremes(boolean max) {
        super(max);
    }

    @Override
    long bytesPerGroup() {
        return 17;
    }

    @Override
    void grow(int capacity) {
        bestLow = Arrays.copyOf(bestLow, capacity);
        bestHigh = Arrays.copyOf(bestHigh, capacity);
        seen = Arrays.copyOf(seen, capacity);
    }

    @Override
    void offer(FieldVector column, int rowCount, int[] groups, int[] rows, int count, ChangeLog changes) {
        if (low.length < rowCount) {
            low = new long[rowCount];
            high = new long[rowCount];
        }
        ColumnValues.readDecimals(column, 0, rowCount, low, high, 0);
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        for (int k = 0; k < count; k++) {
            int row = rows[k];
            if (nulls && ColumnValues.isNull(validity, row)) {
                continue;
            }
            int group = groups[row];
            boolean better = !seen[group];
            if (!better) {
                int c = Long.compare(high[row], bestHigh[group]);
                if (c == 0) {
                    c = Long.compareUnsigned(low[row], bestLow[group]);
                }
                better = max ? c > 0 : c < 0;
            }
            if (better) {
                bestLow[group] = low[row];
                bestHigh[group] = high[row];
                seen[group] = true;
                if (changes != null) {
                    changes.record(group, row);
                }
            }
        }
    }

    @Override
    void write(int from, int count, FieldVector target, String description) {
        ResultWriter.prepare(target, count);
        ArrowBuf data = target.getDataBuffer();
        ArrowBuf validity = target.getValidityBuffer();
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (seen[group]) {
                data.setLong((long) i << 4, bestLow[group]);
                data.setLong(((long) i << 4) + 8, bestHigh[group]);
                BitVectorHelper.setBit(validity, i);
            } else {
                BitVectorHelper.unsetBit(validity, i);
            }
        }
    }
}
