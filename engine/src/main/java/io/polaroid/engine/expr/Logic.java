package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.util.List;

/**
 * SQL's three-valued logic a word (64 rows) at a time: a boolean register is split into its TRUE rows
 * ({@code bits & valid}) and FALSE rows ({@code ~bits & valid}); AND is FALSE where any operand is FALSE
 * and TRUE where all are TRUE, OR the converse, and the rest is NULL.
 */
final class Logic {
    private Logic() {
    }

    private static long validWord(Values v, int w) {
        return v.valid == null ? -1L : v.valid[w];
    }

    /** n-ary AND or OR. */
    static final class Junction implements Evaluator {
        private final boolean and;
        private final List<Evaluator> operands;
        private final Values out = new Values(ExprKind.BOOLEAN);

        Junction(boolean and, List<Evaluator> operands) {
            this.and = and;
            this.operands = List.copyOf(operands);
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            int rows = batch.rowCount();
            int words = Bitmaps.words(rows);
            Values first = operands.get(0).evaluate(batch, active);
            out.reset(rows);
            long[] decided = out.ownValidity(); // rows with a known result so far
            long[] bits = out.bits;
            // start: the first operand's TRUE and FALSE rows
            long[] trues = new long[words];
            long[] falses = new long[words];
            for (int w = 0; w < words; w++) {
                long valid = validWord(first, w);
                trues[w] = first.bits[w] & valid;
                falses[w] = ~first.bits[w] & valid;
            }
            for (int k = 1; k < operands.size(); k++) {
                Values v = operands.get(k).evaluate(batch, active);
                for (int w = 0; w < words; w++) {
                    long valid = validWord(v, w);
                    long t = v.bits[w] & valid;
                    long f = ~v.bits[w] & valid;
                    if (and) {
                        trues[w] &= t;
                        falses[w] |= f;
                    } else {
                        trues[w] |= t;
                        falses[w] &= f;
                    }
                }
            }
            for (int w = 0; w < words; w++) {
                bits[w] = trues[w];
                decided[w] = trues[w] | falses[w];
            }
            Bitmaps.clearTail(decided, rows);
            return out;
        }
    }

    static final class Not implements Evaluator {
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.BOOLEAN);

        Not(Evaluator operand) {
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values v = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            for (int w = 0; w < Bitmaps.words(rows); w++) {
                out.bits[w] = ~v.bits[w];
            }
            Bitmaps.clearTail(out.bits, rows);
            out.validityFrom(v.valid);
            return out;
        }
    }

    /** IS [NOT] NULL, IS [NOT] TRUE, IS [NOT] FALSE: never NULL. */
    static final class Test implements Evaluator {
        enum Kind { IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

        private final Kind kind;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.BOOLEAN);

        Test(Kind kind, Evaluator operand) {
            this.kind = kind;
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values v = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            for (int w = 0; w < Bitmaps.words(rows); w++) {
                long valid = validWord(v, w);
                long result;
                switch (kind) {
                    case IS_NULL:
                        result = ~valid;
                        break;
                    case IS_NOT_NULL:
                        result = valid;
                        break;
                    case IS_TRUE:
                        result = v.bits[w] & valid;
                        break;
                    case IS_NOT_TRUE:
                        result = ~(v.bits[w] & valid);
                        break;
                    case IS_FALSE:
                        result = ~v.bits[w] & valid;
                        break;
                    default:
                        result = ~(~v.bits[w] & valid);
                        break;
                }
                out.bits[w] = result;
            }
            Bitmaps.clearTail(out.bits, rows);
            return out;
        }
    }
}
