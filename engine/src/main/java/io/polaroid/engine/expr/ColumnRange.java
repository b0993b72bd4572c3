package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.exec.vector.BufferAccess;
import io.polaroid.engine.exec.vector.ColumnValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The most common filter, {@code column <op> constant} (and a range, {@code lo <= column < hi}, which is
 * what BETWEEN and IN-ranges become), evaluated straight on the column's Arrow buffer: no copy of the
 * column into a register, no register of constants, one pass, 64 rows per output word.
 *
 * <p>Fixed-width numbers are compared as {@code long}s against inclusive bounds (an exclusive bound of an
 * integer is the next integer inward): integers and dates as they are, doubles as their
 * {@link ColumnValues#sortableBits sortable bits} (NaN above every number and equal to NaN, -0.0 equal to
 * 0.0, as DuckDB compares), decimals as 128-bit unscaled values at the column's scale. Strings support
 * {@code =} and {@code <>} against their UTF-8 bytes. A NULL value gives NULL.
 */
final class ColumnRange implements Evaluator {
    /** How the column's values are laid out in its data buffer. */
    enum Layout {
        INT8(1), INT16(2), INT32(4), INT64(8), FLOAT32(4), FLOAT64(8), DECIMAL(16), BYTES(0);

        final int width;

        Layout(int width) {
            this.width = width;
        }
    }

    private final int column;
    private final Layout layout;
    /** Inclusive bounds: sortable longs for numbers, or 128-bit (high, low) pairs for decimals. */
    private final long low;
    private final long high;
    private final long lowHigh;
    private final long highHigh;
    /** BYTES: the value an EQ/NE compares with. */
    private final byte[] bytes;
    /** Whether the result is the complement of the range (NE). */
    private final boolean negate;
    private final Values out = new Values(ExprKind.BOOLEAN);
    /** The low {@code n} bytes of a little-endian long. */
    private static final long[] SHORT_MASKS = {0L, 0xFFL, 0xFFFFL, 0xFFFFFFL, 0xFFFFFFFFL, 0xFFFFFFFFFFL,
        0xFFFFFFFFFFFFL, 0xFFFFFFFFFFFFFFL};

    private ColumnRange(int column, Layout layout, long lowHigh, long low, long highHigh, long high, byte[] bytes,
                        boolean negate) {
        this.column = column;
        this.layout = layout;
        this.lowHigh = lowHigh;
        this.low = low;
        this.highHigh = highHigh;
        this.high = high;
        this.bytes = bytes;
        this.negate = negate;
    }

    /** {@code column} within inclusive bounds of longs (integers, dates, times, sortable double bits). */
    static ColumnRange ofLongs(int column, Layout layout, long low, long high, boolean negate) {
        return new ColumnRange(column, layout, 0, low, 0, high, null, negate);
    }

    /** {@code column} (a decimal) within inclusive bounds of unscaled values at its scale. */
    static ColumnRange ofDecimals(int column, BigInteger low, BigInteger high, boolean negate) {
        return new ColumnRange(column, Layout.DECIMAL, highWord(low), low.longValue(), highWord(high),
                high.longValue(), null, negate);
    }

    /** {@code column = bytes} (or {@code <>} when negated). */
    static ColumnRange ofBytes(int column, byte[] bytes, boolean negate) {
        return new ColumnRange(column, Layout.BYTES, 0, 0, 0, 0, bytes.clone(), negate);
    }

    /** A new evaluator of the same range (evaluators hold per-execution registers). */
    ColumnRange copy() {
        return new ColumnRange(column, layout, lowHigh, low, highHigh, high, bytes, negate);
    }

    /** Rows in both this range and {@code other} (neither negated, same column and layout). */
    ColumnRange intersect(ColumnRange other) {
        if (negate || other.negate || layout == Layout.BYTES) {
            throw new IllegalArgumentException("only plain numeric ranges intersect");
        }
        if (layout == Layout.DECIMAL) {
            boolean thisLowHigher = compare128(lowHigh, low, other.lowHigh, other.low) >= 0;
            boolean thisHighLower = compare128(highHigh, high, other.highHigh, other.high) <= 0;
            return new ColumnRange(column, layout, thisLowHigher ? lowHigh : other.lowHigh,
                    thisLowHigher ? low : other.low, thisHighLower ? highHigh : other.highHigh,
                    thisHighLower ? high : other.high, null, false);
        }
        return ofLongs(column, layout, Math.max(low, other.low), Math.min(high, other.high), false);
    }

    private static int compare128(long aHigh, long aLow, long bHigh, long bLow) {
        return aHigh != bHigh ? Long.compare(aHigh, bHigh) : Long.compareUnsigned(aLow, bLow);
    }

    private static long highWord(BigInteger value) {
        return value.shiftRight(64).longValue();
    }

    /** The smallest and largest unscaled 128-bit decimals. */
    static final BigInteger MIN_DECIMAL = BigInteger.ONE.shiftLeft(127).negate();
    static final BigInteger MAX_DECIMAL = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    /** The unscaled value of {@code value} at {@code scale}, or null if it has more digits after the point. */
    static BigInteger unscaled(BigDecimal value, int scale) {
        try {
            return value.setScale(scale).unscaledValue();
        } catch (ArithmeticException inexact) {
            return null;
        }
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        FieldVector vector = batch.column(column);
        int rows = batch.rowCount();
        out.reset(rows);
        long[] bits = out.bits;
        switch (layout) {
            case BYTES -> equalBytes((BaseVariableWidthVector) vector, rows, bits);
            case DECIMAL -> decimals(vector, rows, bits);
            default -> longs(vector, rows, bits);
        }
        if (negate) {
            for (int w = 0; w < Bitmaps.words(rows); w++) {
                bits[w] = ~bits[w];
            }
            Bitmaps.clearTail(bits, rows);
        }
        if (BufferAccess.hasNulls(vector, rows)) {
            ArrowColumns.readWords(vector.getValidityBuffer(), rows, out.ownValidity());
        }
        return out;
    }

    private void checkWidth(FieldVector vector) {
        if (!(vector instanceof BaseFixedWidthVector) || ((BaseFixedWidthVector) vector).getTypeWidth() != layout.width) {
            throw new IllegalStateException("column " + column + " is " + vector.getField() + ", expected " + layout);
        }
    }

    private void longs(FieldVector vector, int rows, long[] bits) {
        checkWidth(vector);
        long data = BufferAccess.address(vector.getDataBuffer(), (long) rows * layout.width);
        // v in [low, high] <=> (v - low) <= (high - low) as unsigned numbers; flipping the sign bits turns
        // that into one signed comparison the JIT compiles without a branch
        long span = (high - low) ^ Long.MIN_VALUE;
        int words = Bitmaps.words(rows);
        if (high < low) {
            Arrays.fill(bits, 0, words, 0L);
            return;
        }
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int n = Math.min(64, rows - base);
            long word = 0;
            switch (layout) {
                case INT64 -> {
                    for (int j = 0; j < n; j++) {
                        long v = MemoryUtil.getLong(data + ((long) (base + j) << 3));
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
                case INT32 -> {
                    for (int j = 0; j < n; j++) {
                        long v = MemoryUtil.getInt(data + ((long) (base + j) << 2));
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
                case INT16 -> {
                    for (int j = 0; j < n; j++) {
                        long v = MemoryUtil.getShort(data + ((long) (base + j) << 1));
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
                case INT8 -> {
                    for (int j = 0; j < n; j++) {
                        long v = MemoryUtil.getByte(data + base + j);
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
                case FLOAT64 -> {
                    for (int j = 0; j < n; j++) {
                        long v = ColumnValues.sortableBits(
                                Double.longBitsToDouble(MemoryUtil.getLong(data + ((long) (base + j) << 3))));
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        long v = ColumnValues.sortableBits(
                                Float.intBitsToFloat(MemoryUtil.getInt(data + ((long) (base + j) << 2))));
                        word |= (((v - low) ^ Long.MIN_VALUE) <= span ? 1L : 0L) << j;
                    }
                }
            }
            bits[w] = word;
        }
    }

    private void decimals(FieldVector vector, int rows, long[] bits) {
        checkWidth(vector);
        long data = BufferAccess.address(vector.getDataBuffer(), (long) rows << 4);
        // Nearly every value fits a long (its high word is the low word's sign): compare those as longs
        // against the bounds clamped to the long range, and only the others as 128-bit numbers.
        long fitLow = lowHigh == (low >> 63) ? low : lowHigh < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        long fitHigh = highHigh == (high >> 63) ? high : highHigh < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        boolean fitEmpty = lowHigh > (low >> 63) && lowHigh >= 0 || highHigh < (high >> 63) && highHigh < 0
                || fitLow > fitHigh;
        long span = (fitHigh - fitLow) ^ Long.MIN_VALUE;
        int words = Bitmaps.words(rows);
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int n = Math.min(64, rows - base);
            long word = 0;
            for (int j = 0; j < n; j++) {
                long at = data + ((long) (base + j) << 4);
                long valueLow = MemoryUtil.getLong(at);
                long valueHigh = MemoryUtil.getLong(at + 8);
                boolean in;
                if (valueHigh == (valueLow >> 63)) {
                    in = !fitEmpty & ((valueLow - fitLow) ^ Long.MIN_VALUE) <= span;
                } else {
                    in = compare128(valueHigh, valueLow, lowHigh, low) >= 0
                            && compare128(valueHigh, valueLow, highHigh, high) <= 0;
                }
                word |= (in ? 1L : 0L) << j;
            }
            bits[w] = word;
        }
    }

    private void equalBytes(BaseVariableWidthVector vector, int rows, long[] bits) {
        long offsets = BufferAccess.address(vector.getOffsetBuffer(), ((long) rows + 1) << 2);
        long end = MemoryUtil.getInt(offsets + ((long) rows << 2));
        long data = BufferAccess.address(vector.getDataBuffer(), end);
        int length = bytes.length;
        long first = 0;
        for (int b = 0; b < Math.min(8, length); b++) {
            first |= (bytes[b] & 0xFFL) << (b << 3);
        }
        int words = Bitmaps.words(rows);
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int n = Math.min(64, rows - base);
            long word = 0;
            for (int j = 0; j < n; j++) {
                long at = offsets + ((long) (base + j) << 2);
                int start = MemoryUtil.getInt(at);
                int valueLength = MemoryUtil.getInt(at + 4) - start;
                if (start < 0 || valueLength < 0 || start + (long) valueLength > end) {
                    throw new IndexOutOfBoundsException("corrupt offsets of row " + (base + j) + " of column " + column);
                }
                if (valueLength == length && sameBytes(data + start, first, data + end)) {
                    word |= 1L << j;
                }
            }
            bits[w] = word;
        }
    }

    /** Whether the value at {@code address} (of the constant's length, ending at or before {@code end}) is the constant. */
    private boolean sameBytes(long address, long first, long end) {
        int length = bytes.length;
        if (length >= 8) {
            if (MemoryUtil.getLong(address) != first) {
                return false;
            }
        } else if (MemoryUtil.LITTLE_ENDIAN && address + 8 <= end) {
            // one load of 8 bytes, the ones past the value masked off
            return (MemoryUtil.getLong(address) & SHORT_MASKS[length]) == first;
        } else {
            long value = 0;
            for (int b = 0; b < length; b++) {
                value |= (MemoryUtil.getByte(address + b) & 0xFFL) << (b << 3);
            }
            return value == first;
        }
        for (int b = 8; b < length; b++) {
            if (MemoryUtil.getByte(address + b) != bytes[b]) {
                return false;
            }
        }
        return true;
    }
}
