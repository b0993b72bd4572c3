package io.polaroid.engine.expr;

import io.polaroid.engine.exec.vector.ColumnValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Reads Arrow vectors into {@link Values} registers, a column at a time. */
final class ArrowColumns {
    private ArrowColumns() {
    }

    /** Loads rows {@code [0, rows)} of {@code vector} into {@code out} (of the vector's kind). */
    static void load(FieldVector vector, int rows, Values out) {
        out.reset(rows);
        switch (out.kind) {
            case LONG:
                ColumnValues.readLongs(vector, rows, out.longs);
                break;
            case DOUBLE:
                ColumnValues.readDoubles(vector, rows, out.doubles);
                break;
            case BOOLEAN:
                readWords(((BitVector) vector).getDataBuffer(), rows, out.bits);
                break;
            case DECIMAL:
                loadDecimals((DecimalVector) vector, rows, out);
                break;
            case BYTES:
                loadBytes((BaseVariableWidthVector) vector, rows, out);
                break;
            default:
                throw new IllegalStateException(out.kind.toString());
        }
        if (vector.getNullCount() > 0) {
            long[] valid = out.ownValidity();
            readWords(vector.getValidityBuffer(), rows, valid);
        }
    }

    /** Copies the first {@code rows} bits of a bitmap buffer into words. */
    static void readWords(ArrowBuf buffer, int rows, long[] out) {
        int fullWords = rows >>> 6;
        for (int w = 0; w < fullWords; w++) {
            out[w] = buffer.getLong((long) w << 3);
        }
        int tail = rows & 63;
        if (tail != 0) {
            long word = 0;
            int bytes = (tail + 7) >>> 3;
            long base = (long) fullWords << 3;
            for (int b = 0; b < bytes; b++) {
                word |= (buffer.getByte(base + b) & 0xFFL) << (b << 3);
            }
            out[fullWords] = word & ((1L << tail) - 1);
        }
    }

    private static void loadDecimals(DecimalVector vector, int rows, Values out) {
        out.scale = vector.getScale();
        ArrowBuf data = vector.getDataBuffer();
        long[] longs = out.longs;
        boolean fits = true;
        for (int i = 0; i < rows; i++) {
            long low = data.getLong((long) i << 4);
            long high = data.getLong(((long) i << 4) + 8);
            longs[i] = low;
            fits &= high == (low >> 63);
        }
        if (!fits) {
            BigDecimal[] wide = out.widen();
            for (int i = 0; i < rows; i++) {
                wide[i] = vector.isNull(i) ? BigDecimal.ZERO.setScale(out.scale)
                        : new BigDecimal(new BigInteger(littleEndian(data, i)), out.scale);
            }
        }
    }

    private static byte[] littleEndian(ArrowBuf data, int row) {
        byte[] bigEndian = new byte[16];
        for (int b = 0; b < 16; b++) {
            bigEndian[15 - b] = data.getByte(((long) row << 4) + b);
        }
        return bigEndian;
    }

    private static void loadBytes(BaseVariableWidthVector vector, int rows, Values out) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        int start = rows == 0 ? 0 : offsets.getInt(0);
        int end = rows == 0 ? 0 : offsets.getInt((long) rows << 2);
        int[] outOffsets = out.offsets;
        for (int i = 0; i <= rows; i++) {
            outOffsets[i] = offsets.getInt((long) i << 2) - start;
        }
        byte[] data = out.bytesCapacity(end - start);
        vector.getDataBuffer().getBytes(start, data, 0, end - start);
    }
}
