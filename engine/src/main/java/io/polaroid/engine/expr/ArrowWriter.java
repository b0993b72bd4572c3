package io.polaroid.engine.expr;

import io.polaroid.engine.exec.vector.BufferAccess;
import io.polaroid.engine.types.Decimals;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
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
            allocate(bits, rows);
            writeWords(bits.getDataBuffer(), values.bits, rows);
        } else if (target instanceof DecimalVector) {
            storeDecimals(values, (DecimalVector) target);
        } else {
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) target;
            allocate(fixed, rows);
            int width = fixed.getTypeWidth();
            long data = BufferAccess.address(fixed.getDataBuffer(), (long) rows * width);
            if (values.kind == ExprKind.DOUBLE) {
                double[] doubles = values.doubles;
                if (target instanceof Float4Vector) {
                    for (int i = 0; i < rows; i++) {
                        MemoryUtil.putInt(data + ((long) i << 2), Float.floatToRawIntBits((float) doubles[i]));
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        MemoryUtil.putLong(data + ((long) i << 3), Double.doubleToRawLongBits(doubles[i]));
                    }
                }
            } else {
                long[] longs = values.longs;
                switch (width) {
                    case 8:
                        for (int i = 0; i < rows; i++) {
                            MemoryUtil.putLong(data + ((long) i << 3), longs[i]);
                        }
                        break;
                    case 4:
                        for (int i = 0; i < rows; i++) {
                            MemoryUtil.putInt(data + ((long) i << 2), (int) longs[i]);
                        }
                        break;
                    case 2:
                        for (int i = 0; i < rows; i++) {
                            MemoryUtil.putShort(data + ((long) i << 1), (short) longs[i]);
                        }
                        break;
                    case 1:
                        for (int i = 0; i < rows; i++) {
                            MemoryUtil.putByte(data + i, (byte) longs[i]);
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

    /**
     * Makes room for {@code rows} values, keeping the buffers when they are big enough: the vector is
     * reused for every batch and every value and validity bit of the batch is written after this.
     */
    private static void allocate(BaseFixedWidthVector vector, int rows) {
        if (vector.getValueCapacity() < rows) {
            vector.allocateNew(rows);
        }
    }

    private static void writeValidity(Values values, ArrowBuf validity, int rows) {
        long address = BufferAccess.address(validity, ((long) rows + 7) >>> 3);
        if (values.valid == null) {
            int fullBytes = rows >>> 3;
            MemoryUtil.setMemory(address, fullBytes, (byte) -1);
            if ((rows & 7) != 0) {
                MemoryUtil.putByte(address + fullBytes, (byte) ((1 << (rows & 7)) - 1));
            }
        } else {
            BufferAccess.writeBitmap(address, values.valid, rows);
        }
    }

    static void writeWords(ArrowBuf buffer, long[] words, int rows) {
        BufferAccess.writeBitmap(BufferAccess.address(buffer, ((long) rows + 7) >>> 3), words, rows);
    }

    private static void storeDecimals(Values values, DecimalVector target) {
        int rows = values.rows;
        allocate(target, rows);
        int scale = target.getScale();
        if (values.wide == null && values.scale == scale) {
            long data = BufferAccess.address(target.getDataBuffer(), (long) rows << 4);
            long[] longs = values.longs;
            for (int i = 0; i < rows; i++) {
                MemoryUtil.putLong(data + ((long) i << 4), longs[i]);
                MemoryUtil.putLong(data + ((long) i << 4) + 8, longs[i] >> 63);
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
        if (target.getValueCapacity() < rows || target.getDataBuffer().capacity() < length) {
            target.allocateNew(Math.max(length, 1), Math.max(rows, 1));
        }
        long offsets = BufferAccess.address(target.getOffsetBuffer(), ((long) rows + 1) << 2);
        for (int i = 0; i <= rows; i++) {
            MemoryUtil.putInt(offsets + ((long) i << 2), values.offsets[i]);
        }
        if (length > 0) {
            MemoryUtil.copyToMemory(values.bytes, 0, BufferAccess.address(target.getDataBuffer(), length), length);
        }
        target.setLastSet(rows - 1);
    }
}
