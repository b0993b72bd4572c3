package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Numeric functions: ABS, FLOOR, CEIL, ROUND, and the DOUBLE functions SQRT, LN, EXP, LOG10, POWER. */
final class MathFunctions {
    private MathFunctions() {
    }

    /** A DOUBLE function of one DOUBLE argument. */
    static final class Unary implements Evaluator {
        private final DoubleUnaryOperator function;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.DOUBLE);

        Unary(DoubleUnaryOperator function, Evaluator operand) {
            this.function = function;
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            for (int i = 0; i < rows; i++) {
                out.doubles[i] = function.applyAsDouble(in.doubles[i]);
            }
            return out;
        }
    }

    /** A DOUBLE function of two DOUBLE arguments. */
    static final class Binary implements Evaluator {
        private final DoubleBinaryOperator function;
        private final Evaluator left;
        private final Evaluator right;
        private final Values out = new Values(ExprKind.DOUBLE);

        Binary(DoubleBinaryOperator function, Evaluator left, Evaluator right) {
            this.function = function;
            this.left = left;
            this.right = right;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values a = left.evaluate(batch, active);
            Values b = right.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityAnd(a.valid, b.valid);
            for (int i = 0; i < rows; i++) {
                out.doubles[i] = function.applyAsDouble(a.doubles[i], b.doubles[i]);
            }
            return out;
        }
    }

    /** ABS, FLOOR, CEIL and ROUND(x [, digits]) over a LONG, DOUBLE or DECIMAL argument of the result's kind. */
    static final class Rounding implements Evaluator {
        enum Op { ABS, FLOOR, CEIL, ROUND }

        private final Op op;
        private final Evaluator operand;
        private final Evaluator digits;
        private final Values out;

        Rounding(Op op, Evaluator operand, Evaluator digits, ExprKind kind, int scale) {
            this.op = op;
            this.operand = operand;
            this.digits = digits;
            this.out = new Values(kind);
            this.out.scale = scale;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            Values places = digits == null ? null : digits.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            long[] valid = out.validityAnd(in.valid, places == null ? null : places.valid);
            switch (out.kind) {
                case LONG:
                    for (int i = 0; i < rows; i++) {
                        long v = in.longs[i];
                        if (op == Op.ABS) {
                            if (v == Long.MIN_VALUE && Bitmaps.isSet(valid, i) && Bitmaps.isSet(active, i)) {
                                throw Arithmetic.outOfRange();
                            }
                            out.longs[i] = Math.abs(v);
                        } else if (op == Op.ROUND && places != null && places.longs[i] < 0) {
                            out.longs[i] = round(BigDecimal.valueOf(v), (int) places.longs[i]).longValue();
                        } else {
                            out.longs[i] = v;
                        }
                    }
                    break;
                case DOUBLE:
                    for (int i = 0; i < rows; i++) {
                        double v = in.doubles[i];
                        switch (op) {
                            case ABS:
                                out.doubles[i] = Math.abs(v);
                                break;
                            case FLOOR:
                                out.doubles[i] = Math.floor(v);
                                break;
                            case CEIL:
                                out.doubles[i] = Math.ceil(v);
                                break;
                            default:
                                out.doubles[i] = Double.isFinite(v) && Bitmaps.isSet(valid, i)
                                        ? round(BigDecimal.valueOf(v), places == null ? 0 : (int) places.longs[i])
                                                .doubleValue()
                                        : v;
                                break;
                        }
                    }
                    break;
                case DECIMAL: {
                    BigDecimal[] wide = out.widen();
                    for (int i = 0; i < rows; i++) {
                        if (!Bitmaps.isSet(valid, i)) {
                            wide[i] = BigDecimal.ZERO;
                            continue;
                        }
                        BigDecimal v = in.decimal(i);
                        BigDecimal result;
                        switch (op) {
                            case ABS:
                                result = v.abs();
                                break;
                            case FLOOR:
                                result = v.setScale(0, RoundingMode.FLOOR);
                                break;
                            case CEIL:
                                result = v.setScale(0, RoundingMode.CEILING);
                                break;
                            default:
                                result = round(v, places == null ? 0 : (int) places.longs[i]);
                                break;
                        }
                        wide[i] = result.setScale(out.scale, RoundingMode.HALF_UP);
                    }
                    break;
                }
                default:
                    throw new IllegalStateException(out.kind.toString());
            }
            return out;
        }

        /** Rounds half away from zero at {@code places} digits after the point (negative: before it). */
        private static BigDecimal round(BigDecimal value, int places) {
            return value.setScale(places, RoundingMode.HALF_UP);
        }
    }
}
