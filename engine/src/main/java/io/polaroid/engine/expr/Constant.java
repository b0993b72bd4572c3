package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.math.BigDecimal;
import java.util.Arrays;

/** A literal or a bound parameter: the same value for every row (or NULL for every row). */
final class Constant implements Evaluator {
    private final Values out;
    private final Object value;
    private int filled = -1;

    /**
     * @param value in the vector representation of {@code kind}: Boolean, Long, Double, BigDecimal
     *              (at {@code scale}), byte[]; or null
     */
    Constant(ExprKind kind, int scale, Object value) {
        this.out = new Values(kind);
        this.out.scale = scale;
        this.value = value;
    }

    Object value() {
        return value;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        int rows = batch.rowCount();
        if (rows == filled && out.rows == rows) {
            return out;
        }
        out.reset(rows);
        filled = rows;
        if (value == null) {
            long[] valid = out.ownValidity();
            Arrays.fill(valid, 0, Bitmaps.words(rows), 0L);
            fillDefault(rows);
            return out;
        }
        switch (out.kind) {
            case BOOLEAN:
                if ((Boolean) value) {
                    Bitmaps.fill(out.bits, rows);
                } else {
                    Arrays.fill(out.bits, 0, Bitmaps.words(rows), 0L);
                }
                break;
            case LONG:
                Arrays.fill(out.longs, 0, rows, ((Number) value).longValue());
                break;
            case DOUBLE:
                Arrays.fill(out.doubles, 0, rows, ((Number) value).doubleValue());
                break;
            case DECIMAL: {
                BigDecimal decimal = ((BigDecimal) value).setScale(out.scale, java.math.RoundingMode.HALF_UP);
                if (decimal.unscaledValue().bitLength() < 64) {
                    Arrays.fill(out.longs, 0, rows, decimal.unscaledValue().longValue());
                } else {
                    Arrays.fill(out.widen(), 0, rows, decimal);
                }
                break;
            }
            case BYTES: {
                byte[] bytes = (byte[]) value;
                byte[] data = out.bytesCapacity(bytes.length * rows);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(bytes, 0, data, r * bytes.length, bytes.length);
                    out.offsets[r + 1] = (r + 1) * bytes.length;
                }
                break;
            }
            default:
                throw new IllegalStateException(out.kind.toString());
        }
        return out;
    }

    private void fillDefault(int rows) {
        switch (out.kind) {
            case BOOLEAN:
                Arrays.fill(out.bits, 0, Bitmaps.words(rows), 0L);
                break;
            case LONG:
            case DECIMAL:
                Arrays.fill(out.longs, 0, rows, 0L);
                break;
            case DOUBLE:
                Arrays.fill(out.doubles, 0, rows, 0.0);
                break;
            case BYTES:
                Arrays.fill(out.offsets, 0, rows + 1, 0);
                break;
            default:
                break;
        }
    }
}
