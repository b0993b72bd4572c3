package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code x IN (v1, v2, ...)} for constant values (Calcite's SEARCH over points): a binary search in a
 * sorted array for numbers, a hash set for strings. A NULL x gives NULL, or the SEARCH's
 * {@code nullAs} answer when it has one.
 */
final class InSet implements Evaluator {
    private final Evaluator operand;
    private final long[] longs;
    private final double[] doubles;
    private final Set<ByteBuffer> strings;
    /** null: NULL input gives NULL; else the answer for NULL input. */
    private final Boolean nullAnswer;
    private final Values out = new Values(ExprKind.BOOLEAN);

    /** @param values Long, Double or byte[] values, all of the operand's kind */
    InSet(Evaluator operand, ExprKind kind, List<Object> values, Boolean nullAnswer) {
        this.operand = operand;
        this.nullAnswer = nullAnswer;
        if (kind == ExprKind.LONG || kind == ExprKind.DECIMAL) {
            longs = values.stream().mapToLong(v -> (Long) v).sorted().toArray();
            doubles = null;
            strings = null;
        } else if (kind == ExprKind.DOUBLE) {
            doubles = values.stream().mapToDouble(v -> (Double) v).sorted().toArray();
            longs = null;
            strings = null;
        } else {
            strings = new HashSet<>();
            for (Object value : values) {
                strings.add(ByteBuffer.wrap((byte[]) value));
            }
            longs = null;
            doubles = null;
        }
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        Values in = operand.evaluate(batch, active);
        int rows = batch.rowCount();
        out.reset(rows);
        long[] bits = out.bits;
        Arrays.fill(bits, 0, Bitmaps.words(rows), 0L);
        for (int i = 0; i < rows; i++) {
            boolean found;
            if (longs != null) {
                found = Arrays.binarySearch(longs, in.longs[i]) >= 0;
            } else if (doubles != null) {
                found = Arrays.binarySearch(doubles, in.doubles[i]) >= 0;
            } else {
                found = strings.contains(ByteBuffer.wrap(in.bytes, in.offsets[i], in.length(i)));
            }
            if (found) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        if (in.valid == null) {
            out.valid = null;
        } else if (nullAnswer == null) {
            out.validityFrom(in.valid);
        } else {
            out.valid = null;
            for (int i = 0; i < rows; i++) {
                if (!Bitmaps.get(in.valid, i)) {
                    if (nullAnswer) {
                        Bitmaps.set(bits, i);
                    } else {
                        Bitmaps.clear(bits, i);
                    }
                }
            }
        }
        return out;
    }
}
