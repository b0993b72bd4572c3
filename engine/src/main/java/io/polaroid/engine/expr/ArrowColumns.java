package io.polaroid.engine.expr;

import io.polaroid.engine.exec.vector.BufferAccess;
import io.polaroid.engine.exec.vector.ColumnValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
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
        if (BufferAccess.hasNulls(vector, rows)) {
            long[] valid = out.ownValidity();
            readWords(vector.getValidityBuffer(), rows, valid);
        }
    }

    /** Copies the first {@code rows} bits of a bitmap buffer into words. */
    static void readWords(ArrowBuf buffer, int rows, long[] out) {
        BufferAccess.readBitmap(BufferAccess.address(buffer, ((long) rows + 7) >>> 3), rows, out);
    }

    private static void loadDecimals(DecimalVector vector, int rows, Values out) {
        out.scale = vector.getScale();
        long data = BufferAccess.address(vector.getDataBuffer(), (long) rows << 4);
        long[] longs = out.longs;
        boolean fits = true;
        for (int i = 0; i < rows; i++) {
            long low = MemoryUtil.getLong(data + ((long) i << 4));
            long high = MemoryUtil.getLong(data + ((long) i << 4) + 8);
            longs[i] = low;
            fits &= high == (low >> 63);
        }
        if (!fits) {
            BigDecimal[] wide = out.widen();
            for (int i = 0; i < rows; i++) {
                wide[i] = vector.isNull(i) ? BigDecimal.ZERO.setScale(out.scale)
                        : new BigDecimal(new BigInteger(littleEndian(vector.getDataBuffer(), i)), out.scale);
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
        long offsets = BufferAccess.address(vector.getOffsetBuffer(), ((long) rows + 1) << 2);
        int start = rows == 0 ? 0 : MemoryUtil.getInt(offsets);
        int end = rows == 0 ? 0 : MemoryUtil.getInt(offsets + ((long) rows << 2));
        int[] outOffsets = out.offsets;
        for (int i = 0; i <= rows; i++) {
            outOffsets[i] = MemoryUtil.getInt(offsets + ((long) i << 2)) - start;
        }
        byte[] data = out.bytesCapacity(end - start);
        if (end > start) {
            long address = BufferAccess.address(vector.getDataBuffer(), end);
            MemoryUtil.copyFromMemory(address + start, data, 0, end - start);
        }
    }
}
