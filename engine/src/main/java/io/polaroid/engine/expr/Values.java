package io.polaroid.engine.expr;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of one expression for the rows of one batch, in the Java arrays of its {@link ExprKind}.
 * Each evaluator owns one and refills it for every batch, so nothing is allocated per batch once the
 * arrays have grown to the batch size.
 *
 * <p>{@link #valid} is the validity bitmap ({@code null}: no NULLs). Values under NULL rows are
 * unspecified; kernels compute them anyway (branch-free loops) and never fail on them.
 */
public final class Values {
    final ExprKind kind;
    int rows;
    long[] valid;
    private long[] validStorage = new long[0];

    /** BOOLEAN values, one bit per row. */
    long[] bits = new long[0];
    /** LONG values, or DECIMAL unscaled values when {@link #wide} is null. */
    long[] longs = new long[0];
    double[] doubles = new double[0];
    /** DECIMAL scale. */
    int scale;
    /** DECIMAL values when this batch does not fit unscaled longs; null otherwise. */
    BigDecimal[] wide;
    /** BYTES: row {@code i} is {@code bytes[offsets[i] .. offsets[i+1])}. */
    int[] offsets = new int[1];
    byte[] bytes = new byte[0];

    Values(ExprKind kind) {
        this.kind = kind;
    }

    /** Prepares for {@code rows} rows: sizes the arrays of the kind, no NULLs yet. */
    void reset(int rows) {
        this.rows = rows;
        this.valid = null;
        this.wide = null;
        switch (kind) {
            case BOOLEAN:
                if (bits.length < Bitmaps.words(rows)) {
                    bits = new long[Bitmaps.words(rows)];
                }
                break;
            case LONG:
            case DECIMAL:
                if (longs.length < rows) {
                    longs = new long[rows];
                }
                break;
            case DOUBLE:
                if (doubles.length < rows) {
                    doubles = new double[rows];
                }
                break;
            case BYTES:
                if (offsets.length < rows + 1) {
                    offsets = new int[rows + 1];
                }
                offsets[0] = 0;
                break;
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /** A validity bitmap owned by this register, all rows valid, for kernels that produce NULLs. */
    long[] ownValidity() {
        int words = Bitmaps.words(rows);
        if (validStorage.length < words) {
            validStorage = new long[words];
        }
        Bitmaps.fill(validStorage, rows);
        valid = validStorage;
        return validStorage;
    }

    /** This register's own validity storage holding a copy of {@code source} (or all valid when null). */
    long[] validityFrom(long[] source) {
        if (source == null) {
            valid = null;
            return null;
        }
        int words = Bitmaps.words(rows);
        if (validStorage.length < words) {
            validStorage = new long[words];
        }
        System.arraycopy(source, 0, validStorage, 0, words);
        valid = validStorage;
        return validStorage;
    }

    /** This register's validity as the AND of two others'. */
    long[] validityAnd(long[] a, long[] b) {
        if (a == null || b == null) {
            return validityFrom(a == null ? b : a);
        }
        int words = Bitmaps.words(rows);
        if (validStorage.length < words) {
            validStorage = new long[words];
        }
        for (int w = 0; w < words; w++) {
            validStorage[w] = a[w] & b[w];
        }
        valid = validStorage;
        return validStorage;
    }

    boolean isValid(int row) {
        return valid == null || Bitmaps.get(valid, row);
    }

    void setNull(int row) {
        if (valid == null) {
            ownValidity();
        }
        Bitmaps.clear(valid, row);
    }

    /** Makes room for {@code length} bytes of string data. */
    byte[] bytesCapacity(int length) {
        if (bytes.length < length) {
            bytes = Arrays.copyOf(bytes, Math.max(length, bytes.length * 2));
        }
        return bytes;
    }

    /** The decimal at {@code row} as a BigDecimal. */
    BigDecimal decimal(int row) {
        return wide != null ? wide[row] : BigDecimal.valueOf(longs[row], scale);
    }

    /** Switches a DECIMAL register to BigDecimal storage for this batch. */
    BigDecimal[] widen() {
        if (wide == null) {
            wide = new BigDecimal[rows];
        }
        return wide;
    }

    /**
     * The value at {@code row} in the representation {@link Constant} takes: Boolean, Long, Double,
     * BigDecimal, byte[] (a copy); null for NULL.
     */
    Object valueAt(int row) {
        if (!isValid(row)) {
            return null;
        }
        switch (kind) {
            case BOOLEAN:
                return bit(row);
            case LONG:
                return longs[row];
            case DOUBLE:
                return doubles[row];
            case DECIMAL:
                return decimal(row);
            case BYTES:
                return Arrays.copyOfRange(bytes, offsets[row], offsets[row + 1]);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    boolean bit(int row) {
        return (bits[row >>> 6] & (1L << row)) != 0;
    }

    int length(int row) {
        return offsets[row + 1] - offsets[row];
    }
}
