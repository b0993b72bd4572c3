package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END} (COALESCE and NULLIF arrive as CASE too). Each branch value
 * is evaluated with only the rows that take it marked active, so a branch that would fail on rows it does
 * not serve ({@code 1 / x} where x = 0) does not fail. The result is assembled in one pass, row by row
 * from the register of the branch each row took.
 */
final class CaseWhen implements Evaluator {
    private final List<Evaluator> conditions;
    private final List<Evaluator> values;
    private final Evaluator otherwise;
    private final Values out;
    private final Values[] taken;
    private int[] choice = new int[0];

    CaseWhen(List<Evaluator> conditions, List<Evaluator> values, Evaluator otherwise, ExprKind kind, int scale) {
        this.conditions = List.copyOf(conditions);
        this.values = List.copyOf(values);
        this.otherwise = otherwise;
        this.out = new Values(kind);
        this.out.scale = scale;
        this.taken = new Values[values.size() + 1];
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        int rows = batch.rowCount();
        int words = Bitmaps.words(rows);
        long[] remaining = new long[words];
        if (active == null) {
            Bitmaps.fill(remaining, rows);
        } else {
            System.arraycopy(active, 0, remaining, 0, words);
        }
        if (choice.length < rows) {
            choice = new int[rows];
        }
        Arrays.fill(choice, 0, rows, -1);
        Arrays.fill(taken, null);
        for (int b = 0; b < conditions.size(); b++) {
            Values condition = conditions.get(b).evaluate(batch, remaining);
            long[] take = new long[words];
            boolean any = false;
            for (int w = 0; w < words; w++) {
                long valid = condition.valid == null ? -1L : condition.valid[w];
                take[w] = condition.bits[w] & valid & remaining[w];
                remaining[w] &= ~take[w];
                any |= take[w] != 0;
            }
            if (any) {
                taken[b] = values.get(b).evaluate(batch, take);
                mark(take, rows, b);
            }
        }
        boolean anyLeft = false;
        for (int w = 0; w < words; w++) {
            anyLeft |= remaining[w] != 0;
        }
        if (anyLeft) {
            taken[values.size()] = otherwise.evaluate(batch, remaining);
            mark(remaining, rows, values.size());
        }
        assemble(rows);
        return out;
    }

    private void mark(long[] rowsTaken, int rows, int branch) {
        for (int w = 0; w < Bitmaps.words(rows); w++) {
            long word = rowsTaken[w];
            while (word != 0) {
                choice[(w << 6) + Long.numberOfTrailingZeros(word)] = branch;
                word &= word - 1;
            }
        }
    }

    private void assemble(int rows) {
        out.reset(rows);
        long[] valid = out.ownValidity();
        boolean wide = false;
        for (Values v : taken) {
            wide |= v != null && v.wide != null;
        }
        if (wide) {
            out.widen();
        }
        int length = 0;
        if (out.kind == ExprKind.BYTES) {
            for (int i = 0; i < rows; i++) {
                int b = choice[i];
                if (b >= 0) {
                    length += taken[b].length(i);
                }
            }
            out.bytesCapacity(length);
            Arrays.fill(out.bits, 0, 0, 0L);
        }
        if (out.kind == ExprKind.BOOLEAN) {
            Arrays.fill(out.bits, 0, Bitmaps.words(rows), 0L);
        }
        int position = 0;
        for (int i = 0; i < rows; i++) {
            int b = choice[i];
            Values source = b < 0 ? null : taken[b];
            boolean isValid = source != null && source.isValid(i);
            if (!isValid) {
                Bitmaps.clear(valid, i);
            }
            switch (out.kind) {
                case BOOLEAN:
                    if (isValid && source.bit(i)) {
                        Bitmaps.set(out.bits, i);
                    }
                    break;
                case LONG:
                    out.longs[i] = isValid ? source.longs[i] : 0;
                    break;
                case DOUBLE:
                    out.doubles[i] = isValid ? source.doubles[i] : 0;
                    break;
                case DECIMAL:
                    if (wide) {
                        out.wide[i] = isValid ? source.decimal(i) : java.math.BigDecimal.ZERO;
                    } else {
                        out.longs[i] = isValid ? source.longs[i] : 0;
                    }
                    break;
                case BYTES:
                    if (isValid) {
                        int len = source.length(i);
                        System.arraycopy(source.bytes, source.offsets[i], out.bytes, position, len);
                        position += len;
                    }
                    out.offsets[i + 1] = position;
                    break;
                default:
                    throw new IllegalStateException(out.kind.toString());
            }
        }
    }
}
