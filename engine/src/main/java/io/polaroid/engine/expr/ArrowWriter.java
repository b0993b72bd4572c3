package io.polaroid.engine.expr;

import io.polaroid.engine.types.Decimals;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/** Writes {@link Values} registers into Arrow vectors, a column at a time, straight into the buffers. */
public final class ArrowWriter {
    private ArrowWriter() {
    }

    /** Writes rows {@code [0, values.rows)} into {@code target}, which this call (re)allocates. */
    static void store(Values values, FieldVector target) {
        int rows = values.rows;
        if (target instanceof BaseVariableWidthVector) {
            storeBytes(values, (BaseVariableWidthVector) target);
        } else if (target instanceof BitVector) {
            BitVector bits = (BitVector) target;
            bits.allocateNew(rows);
            writeWords(bits.getDataBuffer(), values.bits, rows);
        } else if (target instanceof DecimalVector) {
            storeDecimals(values, (DecimalVector) target);
        } else {
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) target;
            fixed.allocateNew(rows);
            ArrowBuf data = fixed.getDataBuffer();
            if (values.kind == ExprKind.DOUBLE) {
                double[] doubles = values.doubles;
                if (target instanceof Float4Vector) {
                    for (int i = 0; i < rows; i++) {
                        data.setFloat((long) i << 2, (float) doubles[i]);
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        data.setDouble((long) i << 3, doubles[i]);
                    }
                }
            } else {
                long[] longs = values.longs;
                switch (fixed.getTypeWidth()) {
                    case 8:
                        for (int i = 0; i < rows; i++) {
                            data.setLong((long) i << 3, longs[i]);
                        }
                        break;
                    case 4:
                        for (int i = 0; i < rows; i++) {
                            data.setInt((long) i << 2, (int) longs[i]);
                        }
                        break;
                    case 2:
                        for (int i = 0; i < rows; i++) {
                            data.setShort((long) i << 1, (short) longs[i]);
                        }
                        break;
                    case 1:
                        for (int i = 0; i < rows; i++) {
                            data.setByte(i, (byte) longs[i]);
                        }
                        break;
                    default:
                        throw new IllegalStateException("cannot store longs into " + target.getField());
                }
            }
        }
        writeValidity(values, target.getValidityBuffer(), rows);
        target.setValueCount(rows);
    }

    private static void writeValidity(Values values, ArrowBuf validity, int rows) {
        if (values.valid == null) {
            long[] all = new long[Bitmaps.words(rows)];
            Bitmaps.fill(all, rows);
            writeWords(validity, all, rows);
        } else {
            writeWords(validity, values.valid, rows);
        }
    }

    static void writeWords(ArrowBuf buffer, long[] words, int rows) {
        int fullWords = rows >>> 6;
        for (int w = 0; w < fullWords; w++) {
            buffer.setLong((long) w << 3, words[w]);
        }
        int tail = rows & 63;
        if (tail != 0) {
            long word = words[fullWords] & ((1L << tail) - 1);
            int bytes = (tail + 7) >>> 3;
            long base = (long) fullWords << 3;
            for (int b = 0; b < bytes; b++) {
                buffer.setByte(base + b, (byte) (word >>> (b << 3)));
            }
        }
    }

    private static void storeDecimals(Values values, DecimalVector target) {
        int rows = values.rows;
        target.allocateNew(rows);
        int scale = target.getScale();
        ArrowBuf data = target.getDataBuffer();
        if (values.wide == null && values.scale == scale) {
            long[] longs = values.longs;
            for (int i = 0; i < rows; i++) {
                data.setLong((long) i << 4, longs[i]);
                data.setLong(((long) i << 4) + 8, longs[i] >> 63);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (values.isValid(i)) {
                BigDecimal value = Decimals.rescale(values.decimal(i), scale, target.getPrecision());
                target.setSafe(i, value);
            }
        }
    }

    private static void storeBytes(Values values, BaseVariableWidthVector target) {
        int rows = values.rows;
        int length = values.offsets[rows];
        target.allocateNew(Math.max(length, 1), rows);
        ArrowBuf offsets = target.getOffsetBuffer();
        for (int i = 0; i <= rows; i++) {
            offsets.setInt((long) i << 2, values.offsets[i]);
        }
        target.getDataBuffer().setBytes(0, values.bytes, 0, length);
        target.setLastSet(rows - 1);
    }
}
