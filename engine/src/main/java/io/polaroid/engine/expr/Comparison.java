package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.util.Arrays;

/**
 * {@code = <> < <= > >=} and {@code IS [NOT] DISTINCT FROM} over two registers of the same kind (the
 * compiler coerces mixed operands). Strings compare as unsigned UTF-8 bytes, which is code-point order.
 */
final class Comparison implements Evaluator {
    enum Op {
        EQ, NE, LT, LE, GT, GE, DISTINCT, NOT_DISTINCT;

        /** Whether a three-way comparison result {@code c} satisfies the operator. */
        boolean test(int c) {
            switch (this) {
                case EQ:
                case NOT_DISTINCT:
                    return c == 0;
                case NE:
                case DISTINCT:
                    return c != 0;
                case LT:
                    return c < 0;
                case LE:
                    return c <= 0;
                case GT:
                    return c > 0;
                default:
                    return c >= 0;
            }
        }
    }

    private final Op op;
    private final Evaluator left;
    private final Evaluator right;
    private final Values out = new Values(ExprKind.BOOLEAN);

    Comparison(Op op, Evaluator left, Evaluator right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        Values a = left.evaluate(batch, active);
        Values b = right.evaluate(batch, active);
        int rows = batch.rowCount();
        out.reset(rows);
        long[] bits = out.bits;
        Arrays.fill(bits, 0, Bitmaps.words(rows), 0L);
        switch (a.kind) {
            case LONG:
                compareLongs(a.longs, b.longs, rows, bits);
                break;
            case DOUBLE:
                compareDoubles(a.doubles, b.doubles, rows, bits);
                break;
            case BOOLEAN:
                for (int i = 0; i < rows; i++) {
                    if (op.test(Boolean.compare(a.bit(i), b.bit(i)))) {
                        bits[i >>> 6] |= 1L << i;
                    }
                }
                break;
            case DECIMAL:
                if (a.wide == null && b.wide == null && a.scale == b.scale) {
                    compareLongs(a.longs, b.longs, rows, bits);
                } else {
                    for (int i = 0; i < rows; i++) {
                        if (a.isValid(i) && b.isValid(i) && op.test(a.decimal(i).compareTo(b.decimal(i)))) {
                            bits[i >>> 6] |= 1L << i;
                        }
                    }
                }
                break;
            case BYTES:
                for (int i = 0; i < rows; i++) {
                    int c = Arrays.compareUnsigned(a.bytes, a.offsets[i], a.offsets[i + 1],
                            b.bytes, b.offsets[i], b.offsets[i + 1]);
                    if (op.test(c)) {
                        bits[i >>> 6] |= 1L << i;
                    }
                }
                break;
            default:
                throw new IllegalStateException(a.kind.toString());
        }
        if (op == Op.DISTINCT || op == Op.NOT_DISTINCT) {
            distinctNulls(a.valid, b.valid, rows, bits);
            out.valid = null;
        } else {
            out.validityAnd(a.valid, b.valid);
        }
        return out;
    }

    /**
     * Three kernels serve the six operators ({@code a > b} is {@code b < a}, {@code a != b} is the
     * complement of {@code a = b}). Each builds a whole 64-row word in a register before storing it: a
     * read-modify-write of the bitmap per row made these loops the hottest code of a selective filter.
     */
    private void compareLongs(long[] a, long[] b, int rows, long[] bits) {
        switch (op) {
            case EQ:
            case NOT_DISTINCT:
                equalLongs(a, b, rows, bits);
                break;
            case NE:
            case DISTINCT:
                equalLongs(a, b, rows, bits);
                complement(bits, rows);
                break;
            case LT:
                lessLongs(a, b, rows, bits);
                break;
            case GT:
                lessLongs(b, a, rows, bits);
                break;
            case LE:
                lessOrEqualLongs(a, b, rows, bits);
                break;
            default:
                lessOrEqualLongs(b, a, rows, bits);
                break;
        }
    }

    private static void equalLongs(long[] a, long[] b, int rows, long[] bits) {
        for (int base = 0; base < rows; base += 64) {
            int end = Math.min(rows, base + 64);
            long word = 0;
            for (int i = base; i < end; i++) {
                word |= (a[i] == b[i] ? 1L : 0L) << i;
            }
            bits[base >>> 6] = word;
        }
    }

    private static void lessLongs(long[] a, long[] b, int rows, long[] bits) {
        for (int base = 0; base < rows; base += 64) {
            int end = Math.min(rows, base + 64);
            long word = 0;
            for (int i = base; i < end; i++) {
                word |= (a[i] < b[i] ? 1L : 0L) << i;
            }
            bits[base >>> 6] = word;
        }
    }

    private static void lessOrEqualLongs(long[] a, long[] b, int rows, long[] bits) {
        for (int base = 0; base < rows; base += 64) {
            int end = Math.min(rows, base + 64);
            long word = 0;
            for (int i = base; i < end; i++) {
                word |= (a[i] <= b[i] ? 1L : 0L) << i;
            }
            bits[base >>> 6] = word;
        }
    }

    /** Flips the first {@code rows} bits; the bits after them stay clear. */
    private static void complement(long[] bits, int rows) {
        int words = Bitmaps.words(rows);
        for (int w = 0; w < words; w++) {
            bits[w] = ~bits[w];
        }
        if ((rows & 63) != 0) {
            bits[words - 1] &= (1L << rows) - 1;
        }
    }

    /**
     * Doubles in DuckDB's and PostgreSQL's total order: NaN equals NaN and is larger than every other
     * value, so {@code x > 5} holds for NaN. (Java's primitive comparisons, and so Calcite's row engine,
     * make every comparison with NaN false.) Each loop is branch-free: {@code v != v} tests for NaN.
     */
    private void compareDoubles(double[] a, double[] b, int rows, long[] bits) {
        switch (op) {
            case EQ:
            case NOT_DISTINCT:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x == y | x != x & y != y ? 1L : 0L) << i;
                }
                break;
            case NE:
            case DISTINCT:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x == y | x != x & y != y ? 0L : 1L) << i;
                }
                break;
            case LT:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x < y | x == x & y != y ? 1L : 0L) << i;
                }
                break;
            case LE:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x <= y | y != y ? 1L : 0L) << i;
                }
                break;
            case GT:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x > y | x != x & y == y ? 1L : 0L) << i;
                }
                break;
            default:
                for (int i = 0; i < rows; i++) {
                    double x = a[i];
                    double y = b[i];
                    bits[i >>> 6] |= (x >= y | x != x ? 1L : 0L) << i;
                }
                break;
        }
    }

    /** IS [NOT] DISTINCT FROM: NULL equals NULL, NULL differs from any value; never NULL itself. */
    private void distinctNulls(long[] validA, long[] validB, int rows, long[] bits) {
        if (validA == null && validB == null) {
            return;
        }
        boolean distinct = op == Op.DISTINCT;
        for (int i = 0; i < rows; i++) {
            boolean nullA = !Bitmaps.isSet(validA, i);
            boolean nullB = !Bitmaps.isSet(validB, i);
            if (nullA || nullB) {
                boolean same = nullA && nullB;
                if (same != distinct) {
                    bits[i >>> 6] |= 1L << i;
                } else {
                    bits[i >>> 6] &= ~(1L << i);
                }
            }
        }
    }
}
