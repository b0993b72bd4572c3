package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code + - * / %} and unary minus over LONG, DOUBLE and DECIMAL registers. Both operands arrive in the
 * result's kind (the compiler coerces them; decimals at the scales Calcite derived).
 *
 * <p>Integer results are checked against the range of their SQL type and decimal results against their
 * precision (22003); division by zero fails with 22012. Checks look only at rows that are valid and
 * active, since the values under NULLs are arbitrary.
 */
final class Arithmetic implements Evaluator {
    enum Op { PLUS, MINUS, TIMES, DIVIDE, MOD }

    private static final MathContext DIVISION_CONTEXT = MathContext.DECIMAL128;

    private final Op op;
    private final Evaluator left;
    private final Evaluator right;
    private final Values out;
    /** Range of integer results. */
    private final long min;
    private final long max;
    /** Decimal result precision (digits). */
    private final int precision;

    Arithmetic(Op op, Evaluator left, Evaluator right, ExprKind kind, long min, long max, int scale, int precision) {
        this.op = op;
        this.left = left;
        this.right = right;
        this.out = new Values(kind);
        this.out.scale = scale;
        this.min = min;
        this.max = max;
        this.precision = precision;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        Values a = left.evaluate(batch, active);
        Values b = right.evaluate(batch, active);
        int rows = batch.rowCount();
        out.reset(rows);
        long[] valid = out.validityAnd(a.valid, b.valid);
        switch (out.kind) {
            case LONG:
                longs(a.longs, b.longs, rows, valid, active);
                break;
            case DOUBLE:
                doubles(a.doubles, b.doubles, rows);
                break;
            case DECIMAL:
                decimals(a, b, rows, valid, active);
                break;
            default:
                throw new IllegalStateException(out.kind.toString());
        }
        return out;
    }

    private static boolean matters(long[] valid, long[] active, int row) {
        return Bitmaps.isSet(valid, row) && Bitmaps.isSet(active, row);
    }

    private void longs(long[] a, long[] b, int rows, long[] valid, long[] active) {
        long[] r = out.longs;
        boolean suspicious = false;
        switch (op) {
            case PLUS:
                for (int i = 0; i < rows; i++) {
                    long s = a[i] + b[i];
                    suspicious |= ((a[i] ^ s) & (b[i] ^ s)) < 0 | s < min | s > max;
                    r[i] = s;
                }
                break;
            case MINUS:
                for (int i = 0; i < rows; i++) {
                    long s = a[i] - b[i];
                    suspicious |= ((a[i] ^ b[i]) & (a[i] ^ s)) < 0 | s < min | s > max;
                    r[i] = s;
                }
                break;
            case TIMES:
                for (int i = 0; i < rows; i++) {
                    long high = Math.multiplyHigh(a[i], b[i]);
                    long s = a[i] * b[i];
                    suspicious |= high != (s >> 63) | s < min | s > max;
                    r[i] = s;
                }
                break;
            case DIVIDE:
            case MOD:
                for (int i = 0; i < rows; i++) {
                    long divisor = b[i];
                    if (divisor == 0 || divisor == -1 && a[i] == Long.MIN_VALUE) {
                        if (matters(valid, active, i)) {
                            throw divisor == 0 ? divisionByZero() : outOfRange();
                        }
                        r[i] = 0;
                    } else {
                        long s = op == Op.DIVIDE ? a[i] / divisor : a[i] % divisor;
                        suspicious |= s < min | s > max;
                        r[i] = s;
                    }
                }
                break;
            default:
                throw new IllegalStateException(op.toString());
        }
        if (suspicious) {
            checkLongs(a, b, rows, valid, active);
        }
    }

    /** A batch with a possible overflow: find a row that really overflowed and matters. */
    private void checkLongs(long[] a, long[] b, int rows, long[] valid, long[] active) {
        for (int i = 0; i < rows; i++) {
            if (!matters(valid, active, i)) {
                continue;
            }
            BigDecimal exact;
            BigDecimal x = BigDecimal.valueOf(a[i]);
            BigDecimal y = BigDecimal.valueOf(b[i]);
            switch (op) {
                case PLUS:
                    exact = x.add(y);
                    break;
                case MINUS:
                    exact = x.subtract(y);
                    break;
                case TIMES:
                    exact = x.multiply(y);
                    break;
                default:
                    exact = BigDecimal.valueOf(out.longs[i]);
                    break;
            }
            if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw outOfRange();
            }
        }
    }

    private void doubles(double[] a, double[] b, int rows) {
        double[] r = out.doubles;
        switch (op) {
            case PLUS:
                for (int i = 0; i < rows; i++) {
                    r[i] = a[i] + b[i];
                }
                break;
            case MINUS:
                for (int i = 0; i < rows; i++) {
                    r[i] = a[i] - b[i];
                }
                break;
            case TIMES:
                for (int i = 0; i < rows; i++) {
                    r[i] = a[i] * b[i];
                }
                break;
            case DIVIDE:
                for (int i = 0; i < rows; i++) {
                    r[i] = a[i] / b[i];
                }
                break;
            case MOD:
                for (int i = 0; i < rows; i++) {
                    r[i] = a[i] % b[i];
                }
                break;
            default:
                throw new IllegalStateException(op.toString());
        }
    }

    private void decimals(Values a, Values b, int rows, long[] valid, long[] active) {
        if (a.wide == null && b.wide == null && op != Op.DIVIDE && op != Op.MOD && fastDecimals(a, b, rows)) {
            checkPrecision(rows, valid, active);
            return;
        }
        BigDecimal[] r = out.widen();
        for (int i = 0; i < rows; i++) {
            if (!Bitmaps.isSet(valid, i)) {
                r[i] = BigDecimal.ZERO;
                continue;
            }
            BigDecimal x = a.decimal(i);
            BigDecimal y = b.decimal(i);
            BigDecimal value;
            switch (op) {
                case PLUS:
                    value = x.add(y);
                    break;
                case MINUS:
                    value = x.subtract(y);
                    break;
                case TIMES:
                    value = x.multiply(y);
                    break;
                default:
                    if (y.signum() == 0) {
                        if (Bitmaps.isSet(active, i)) {
                            throw divisionByZero();
                        }
                        value = BigDecimal.ZERO;
                    } else {
                        value = op == Op.DIVIDE ? x.divide(y, DIVISION_CONTEXT) : x.remainder(y);
                    }
                    break;
            }
            value = value.setScale(out.scale, RoundingMode.HALF_UP);
            if (value.precision() - value.scale() > precision - out.scale && value.signum() != 0
                    && Bitmaps.isSet(active, i)) {
                throw outOfRange();
            }
            r[i] = value;
        }
    }

    /**
     * Unscaled long arithmetic when nothing overflows: operands are at scales whose combination is the
     * result scale (PLUS/MINUS: equal scales; TIMES: scales add up). Returns false to fall back to
     * BigDecimal for this batch.
     */
    private boolean fastDecimals(Values a, Values b, int rows) {
        long[] x = a.longs;
        long[] y = b.longs;
        long[] r = out.longs;
        boolean overflow = false;
        switch (op) {
            case PLUS:
                if (a.scale != out.scale || b.scale != out.scale) {
                    return false;
                }
                for (int i = 0; i < rows; i++) {
                    long s = x[i] + y[i];
                    overflow |= ((x[i] ^ s) & (y[i] ^ s)) < 0;
                    r[i] = s;
                }
                break;
            case MINUS:
                if (a.scale != out.scale || b.scale != out.scale) {
                    return false;
                }
                for (int i = 0; i < rows; i++) {
                    long s = x[i] - y[i];
                    overflow |= ((x[i] ^ y[i]) & (x[i] ^ s)) < 0;
                    r[i] = s;
                }
                break;
            case TIMES:
                if (a.scale + b.scale != out.scale) {
                    return false;
                }
                for (int i = 0; i < rows; i++) {
                    long high = Math.multiplyHigh(x[i], y[i]);
                    long s = x[i] * y[i];
                    overflow |= high != (s >> 63);
                    r[i] = s;
                }
                break;
            default:
                return false;
        }
        return !overflow;
    }

    private void checkPrecision(int rows, long[] valid, long[] active) {
        if (precision >= 19) {
            return; // every long fits
        }
        long limit = TEN_POWERS[precision];
        long[] r = out.longs;
        for (int i = 0; i < rows; i++) {
            if ((r[i] >= limit || r[i] <= -limit) && matters(valid, active, i)) {
                throw outOfRange();
            }
        }
    }

    static final long[] TEN_POWERS = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = power;
            power *= 10;
        }
    }

    static PolaroidException divisionByZero() {
        return new PolaroidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    static PolaroidException outOfRange() {
        return new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range");
    }

    /** Unary minus. */
    static final class Negate implements Evaluator {
        private final Evaluator operand;
        private final Values out;
        private final long min;

        Negate(Evaluator operand, ExprKind kind, int scale, long min) {
            this.operand = operand;
            this.out = new Values(kind);
            this.out.scale = scale;
            this.min = min;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values a = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            long[] valid = out.validityFrom(a.valid);
            switch (out.kind) {
                case DOUBLE:
                    for (int i = 0; i < rows; i++) {
                        out.doubles[i] = -a.doubles[i];
                    }
                    break;
                case LONG:
                case DECIMAL:
                    if (a.wide != null) {
                        BigDecimal[] r = out.widen();
                        for (int i = 0; i < rows; i++) {
                            r[i] = a.wide[i].negate();
                        }
                        break;
                    }
                    for (int i = 0; i < rows; i++) {
                        if (a.longs[i] == min && out.kind == ExprKind.LONG && matters(valid, active, i)) {
                            throw outOfRange();
                        }
                        out.longs[i] = -a.longs[i];
                    }
                    break;
                default:
                    throw new IllegalStateException(out.kind.toString());
            }
            return out;
        }
    }
}
