package io.polaroid.engine.exec.vector;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Copies rows, picked by index, from source vectors into a target vector of the same type: the one copy
 * kernel behind join output, sort output, group keys and every operator that retains rows.
 *
 * <p>Rows are addressed in a list of source vectors ("chunks"): an address holds the chunk index in its
 * high bits and the row in its low {@code rowBits} bits; a negative address produces NULL. A single source
 * vector is the special case {@code rowBits = 31}. Bool, fixed-width and Utf8/Binary vectors are copied by a
 * specialised loop over their buffers; other types (lists, structs ...) value by value through Arrow.
 *
 * <p>Targets grow as needed. Rows are written at {@code targetIndex ...} and must be written in order
 * (variable-width vectors need it); the caller sets the target's value count when it is done.
 */
public final class VectorGather {
    /** The {@code rowBits} that makes an address a plain row index into one source vector. */
    public static final int SINGLE_SOURCE = 31;

    private VectorGather() {
    }

    /** Copies {@code source} rows {@code rows[from .. from+count)} (negative = NULL) to {@code target}. */
    public static void gather(FieldVector source, int[] rows, int from, int count, FieldVector target,
                              int targetIndex) {
        gather(new FieldVector[] {source}, SINGLE_SOURCE, rows, from, count, target, targetIndex);
    }

    /** Copies the rows at {@code addresses[from .. from+count)} of the chunked {@code sources} to {@code target}. */
    public static void gather(FieldVector[] sources, int rowBits, int[] addresses, int from, int count,
                              FieldVector target, int targetIndex) {
        gather(sources, null, rowBits, addresses, from, count, target, targetIndex);
    }

    /**
     * As {@link #gather(FieldVector[], int, int[], int, int, FieldVector, int)}, with what the caller knows
     * about NULLs: {@code sourceMayHaveNulls[i] == false} promises that source {@code i} holds no NULL, so its
     * validity is not read (a random read per row saved). A null array means: ask a single source, assume
     * NULLs in many.
     */
    public static void gather(FieldVector[] sources, boolean[] sourceMayHaveNulls, int rowBits, int[] addresses,
                              int from, int count, FieldVector target, int targetIndex) {
        if (count <= 0) {
            return;
        }
        ArrowBuf[] validity = validityBuffers(sources, sourceMayHaveNulls);
        if (target instanceof BitVector bits) {
            ensureFixedCapacity(bits, targetIndex + count);
            gatherBitmap(dataBuffers(sources), rowBits, addresses, from, count, bits.getDataBuffer(), targetIndex);
            gatherBitmap(validity, rowBits, addresses, from, count, bits.getValidityBuffer(), targetIndex);
        } else if (target instanceof BaseFixedWidthVector fixed) {
            gatherFixed(sources, rowBits, addresses, from, count, fixed, targetIndex);
            gatherBitmap(validity, rowBits, addresses, from, count, fixed.getValidityBuffer(), targetIndex);
        } else if (target instanceof BaseVariableWidthVector variable) {
            gatherVariable(sources, rowBits, addresses, from, count, variable, targetIndex);
            gatherBitmap(validity, rowBits, addresses, from, count, variable.getValidityBuffer(), targetIndex);
        } else {
            gatherGeneric(sources, rowBits, addresses, from, count, target, targetIndex);
        }
    }

    /** Copies the contiguous rows {@code [sourceIndex, sourceIndex+count)} of {@code source}, in bulk where possible. */
    public static void copyRange(FieldVector source, int sourceIndex, int count, FieldVector target,
                                 int targetIndex) {
        if (count <= 0) {
            return;
        }
        if (target instanceof BaseFixedWidthVector fixed && !(target instanceof BitVector)
                && sourceIndex % 8 == 0 && targetIndex % 8 == 0) {
            int width = fixed.getTypeWidth();
            ensureFixedCapacity(fixed, targetIndex + count);
            fixed.getDataBuffer().setBytes((long) targetIndex * width, source.getDataBuffer(),
                    (long) sourceIndex * width, (long) count * width);
            copyAlignedValidity(source, sourceIndex, fixed.getValidityBuffer(), targetIndex, count);
        } else if (target instanceof BaseVariableWidthVector variable && sourceIndex % 8 == 0
                && targetIndex % 8 == 0) {
            copyVariableRange((BaseVariableWidthVector) source, sourceIndex, count, variable, targetIndex);
        } else {
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = sourceIndex + i;
            }
            gather(source, rows, 0, count, target, targetIndex);
        }
    }

    /** Writes {@code count} NULLs at {@code targetIndex ...}. */
    public static void appendNulls(FieldVector target, int targetIndex, int count) {
        int[] none = new int[count];
        Arrays.fill(none, -1);
        gather(new FieldVector[0], SINGLE_SOURCE, none, 0, count, target, targetIndex);
    }

    /** Makes room for {@code rows} values in a fixed-width vector, keeping what it holds. */
    public static void ensureFixedCapacity(BaseFixedWidthVector vector, int rows) {
        if (vector.getValueCapacity() >= rows) {
            return;
        }
        if (vector.getValueCapacity() == 0) {
            vector.allocateNew(rows);
            return;
        }
        while (vector.getValueCapacity() < rows) {
            vector.reAlloc();
        }
    }

    /** Makes room for {@code rows} values and {@code dataBytes} bytes of data in a variable-width vector. */
    public static void ensureVariableCapacity(BaseVariableWidthVector vector, int rows, long dataBytes) {
        if (vector.getValueCapacity() == 0 && vector.getLastSet() < 0) {
            vector.allocateNew(Math.max(dataBytes, 64), Math.max(rows, 1));
        }
        while (vector.getValueCapacity() < rows) {
            vector.reallocValidityAndOffsetBuffers();
        }
        if (vector.getDataBuffer().capacity() < dataBytes) {
            vector.reallocDataBuffer(dataBytes);
        }
    }

    private static int rowMask(int rowBits) {
        return rowBits >= 31 ? Integer.MAX_VALUE : (1 << rowBits) - 1;
    }

    /** The sources' validity buffers, null for a source known to hold no NULL. */
    private static ArrowBuf[] validityBuffers(FieldVector[] sources, boolean[] mayHaveNulls) {
        ArrowBuf[] buffers = new ArrowBuf[sources.length];
        for (int i = 0; i < sources.length; i++) {
            boolean nulls = mayHaveNulls != null ? mayHaveNulls[i]
                    : sources.length > 1 || ColumnValues.mayHaveNulls(sources[i]);
            buffers[i] = nulls ? sources[i].getValidityBuffer() : null;
        }
        return buffers;
    }

    private static ArrowBuf[] dataBuffers(FieldVector[] sources) {
        ArrowBuf[] buffers = new ArrowBuf[sources.length];
        for (int i = 0; i < sources.length; i++) {
            buffers[i] = sources[i].getDataBuffer();
        }
        return buffers;
    }

    /**
     * Gathers one bit per row (validity, or Bool data) into {@code target} from bit {@code targetIndex}: a
     * whole byte is written per 8 rows, so rows do not chain through read-modify-writes of the same byte.
     * A null bitmap reads as all ones; a negative address gives 0.
     */
    private static void gatherBitmap(ArrowBuf[] bitmaps, int rowBits, int[] addresses, int from, int count,
                                     ArrowBuf target, int targetIndex) {
        int mask = rowMask(rowBits);
        if (allNull(bitmaps) && noneNegative(addresses, from, count)) {
            setOnes(target, targetIndex, count);
            return;
        }
        long[] sourceAddresses = bitmapAddresses(bitmaps);
        for (int i = 0; i < count; i++) {
            int address = addresses[from + i];
            ArrowBuf bitmap = address < 0 ? null : bitmaps[address >>> rowBits];
            if (bitmap != null && (address & mask) >= bitmap.capacity() * 8) {
                throw new IndexOutOfBoundsException("row " + (address & mask) + " past the end of a bitmap of "
                        + bitmap.capacity() + " bytes");
            }
        }
        long targetAddress = BufferAccess.address(target, ((long) targetIndex + count + 7) >>> 3);
        int i = 0;
        while (i < count && ((targetIndex + i) & 7) != 0) {
            setBit(targetAddress, targetIndex + i, bit(sourceAddresses, rowBits, mask, addresses[from + i]));
            i++;
        }
        while (i + 8 <= count) {
            int bits = 0;
            for (int j = 0; j < 8; j++) {
                bits |= bit(sourceAddresses, rowBits, mask, addresses[from + i + j]) << j;
            }
            MemoryUtil.putByte(targetAddress + ((targetIndex + i) >>> 3), (byte) bits);
            i += 8;
        }
        while (i < count) {
            setBit(targetAddress, targetIndex + i, bit(sourceAddresses, rowBits, mask, addresses[from + i]));
            i++;
        }
    }

    private static boolean allNull(ArrowBuf[] bitmaps) {
        for (ArrowBuf bitmap : bitmaps) {
            if (bitmap != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean noneNegative(int[] addresses, int from, int count) {
        int or = 0;
        for (int i = from; i < from + count; i++) {
            or |= addresses[i];
        }
        return or >= 0;
    }

    /** Sets bits {@code [index, index + count)} of a bitmap. */
    private static void setOnes(ArrowBuf bitmap, int index, int count) {
        long address = BufferAccess.address(bitmap, ((long) index + count + 7) >>> 3);
        int i = 0;
        while (i < count && ((index + i) & 7) != 0) {
            setBit(address, index + i, 1);
            i++;
        }
        int bytes = (count - i) >>> 3;
        MemoryUtil.setMemory(address + ((index + i) >>> 3), bytes, (byte) -1);
        i += bytes << 3;
        while (i < count) {
            setBit(address, index + i, 1);
            i++;
        }
    }

    /** The bitmaps' addresses, whole buffers checked once; 0 for a missing bitmap (all ones). */
    private static long[] bitmapAddresses(ArrowBuf[] bitmaps) {
        long[] addresses = new long[bitmaps.length];
        for (int i = 0; i < bitmaps.length; i++) {
            addresses[i] = bitmaps[i] == null ? 0 : BufferAccess.address(bitmaps[i], bitmaps[i].capacity());
        }
        return addresses;
    }

    private static void setBit(long address, int index, int bit) {
        long at = address + (index >>> 3);
        int mask = 1 << (index & 7);
        byte current = MemoryUtil.getByte(at);
        MemoryUtil.putByte(at, (byte) (bit != 0 ? current | mask : current & ~mask));
    }

    private static int bit(long[] bitmaps, int rowBits, int mask, int address) {
        if (address < 0) {
            return 0;
        }
        long bitmap = bitmaps[address >>> rowBits];
        return bitmap == 0 ? 1 : BufferAccess.bit(bitmap, address & mask);
    }

    private static void gatherFixed(FieldVector[] sources, int rowBits, int[] addresses, int from, int count,
                                    BaseFixedWidthVector target, int targetIndex) {
        ensureFixedCapacity(target, targetIndex + count);
        int width = target.getTypeWidth();
        long[] data = new long[sources.length];
        long[] limits = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            ArrowBuf buffer = sources[i].getDataBuffer();
            data[i] = BufferAccess.address(buffer, buffer.capacity());
            limits[i] = buffer.capacity() / width;
        }
        long targetData = BufferAccess.address(target.getDataBuffer(), ((long) targetIndex + count) * width);
        int mask = rowMask(rowBits);
        if (sources.length == 1) {
            gatherFixedRuns(data[0], limits[0], width, addresses, from, count, targetData, targetIndex);
            return;
        }
        // Values only; validity follows in its own pass. A value is copied even under a NULL (never read).
        for (int i = 0; i < count; i++) {
            int address = addresses[from + i];
            if (address < 0) {
                continue;
            }
            int chunk = address >>> rowBits;
            int row = address & mask;
            if (row >= limits[chunk]) {
                throw new IndexOutOfBoundsException("row " + row + " past the end of a source of " + limits[chunk]);
            }
            copyValue(data[chunk], row, targetData, targetIndex + i, width);
        }
    }

    /**
     * Values of one source: runs of consecutive rows (a filter keeping most rows, a sort of sorted data)
     * are copied as one block, other rows one by one.
     */
    private static void gatherFixedRuns(long source, long limit, int width, int[] addresses, int from, int count,
                                        long targetData, int targetIndex) {
        int i = 0;
        while (i < count) {
            int row = addresses[from + i];
            if (row < 0) {
                i++;
                continue;
            }
            int run = 1;
            while (i + run < count && addresses[from + i + run] == row + run) {
                run++;
            }
            if ((long) row + run > limit) {
                throw new IndexOutOfBoundsException("row " + (row + run - 1) + " past the end of a source of " + limit);
            }
            long t = (long) targetIndex + i;
            if (run >= 4) {
                MemoryUtil.copyMemory(source + (long) row * width, targetData + t * width, (long) run * width);
            } else {
                for (int k = 0; k < run; k++) {
                    copyValue(source, row + k, targetData, t + k, width);
                }
            }
            i += run;
        }
    }

    private static void copyValue(long source, int row, long targetData, long t, int width) {
        switch (width) {
            case 8 -> MemoryUtil.putLong(targetData + (t << 3), MemoryUtil.getLong(source + ((long) row << 3)));
            case 4 -> MemoryUtil.putInt(targetData + (t << 2), MemoryUtil.getInt(source + ((long) row << 2)));
            case 16 -> {
                long from16 = source + ((long) row << 4);
                MemoryUtil.putLong(targetData + (t << 4), MemoryUtil.getLong(from16));
                MemoryUtil.putLong(targetData + (t << 4) + 8, MemoryUtil.getLong(from16 + 8));
            }
            case 2 -> MemoryUtil.putShort(targetData + (t << 1), MemoryUtil.getShort(source + ((long) row << 1)));
            case 1 -> MemoryUtil.putByte(targetData + t, MemoryUtil.getByte(source + row));
            default -> MemoryUtil.copyMemory(source + (long) row * width, targetData + t * width, width);
        }
    }

    private static void gatherVariable(FieldVector[] sources, int rowBits, int[] addresses, int from, int count,
                                       BaseVariableWidthVector target, int targetIndex) {
        long[] data = new long[sources.length];
        long[] dataLimits = new long[sources.length];
        long[] offsets = new long[sources.length];
        long[] rowLimits = new long[sources.length];
        for (int i = 0; i < sources.length; i++) {
            ArrowBuf dataBuffer = sources[i].getDataBuffer();
            ArrowBuf offsetBuffer = sources[i].getOffsetBuffer();
            data[i] = BufferAccess.address(dataBuffer, dataBuffer.capacity());
            dataLimits[i] = dataBuffer.capacity();
            offsets[i] = BufferAccess.address(offsetBuffer, offsetBuffer.capacity());
            rowLimits[i] = offsetBuffer.capacity() / 4 - 1;
        }
        int mask = rowMask(rowBits);
        // Bytes are copied for every addressed slot, NULL or not (a NULL's slot is usually empty); validity
        // follows in its own pass.
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int address = addresses[from + i];
            if (address >= 0) {
                int chunk = address >>> rowBits;
                int row = address & mask;
                if (row >= rowLimits[chunk]) {
                    throw new IndexOutOfBoundsException("row " + row + " past the end of a source of " + rowLimits[chunk]);
                }
                long at = offsets[chunk] + ((long) row << 2);
                int start = MemoryUtil.getInt(at);
                int end = MemoryUtil.getInt(at + 4);
                if (start < 0 || end < start || end > dataLimits[chunk]) {
                    throw new IndexOutOfBoundsException("corrupt offsets [" + start + ", " + end + ") of row " + row);
                }
                bytes += end - start;
            }
        }
        long position = targetIndex == 0 ? 0 : target.getOffsetBuffer().getInt((long) targetIndex << 2);
        ensureVariableCapacity(target, targetIndex + count, position + bytes);
        long targetOffsets = BufferAccess.address(target.getOffsetBuffer(), ((long) targetIndex + count + 1) << 2);
        long targetData = BufferAccess.address(target.getDataBuffer(), position + bytes);
        if (targetIndex == 0) {
            MemoryUtil.putInt(targetOffsets, 0);
        }
        int i = 0;
        while (i < count) {
            int address = addresses[from + i];
            if (address < 0) {
                MemoryUtil.putInt(targetOffsets + (((long) targetIndex + i + 1) << 2), (int) position);
                i++;
                continue;
            }
            // a run of consecutive rows of one source has its bytes in one block
            int run = 1;
            while (i + run < count && addresses[from + i + run] == address + run
                    && (address + run) >>> rowBits == address >>> rowBits) {
                run++;
            }
            int chunk = address >>> rowBits;
            long at = offsets[chunk] + ((long) (address & mask) << 2);
            int start = MemoryUtil.getInt(at);
            int end = MemoryUtil.getInt(at + ((long) run << 2));
            MemoryUtil.copyMemory(data[chunk] + start, targetData + position, end - start);
            long shift = position - start;
            for (int k = 1; k <= run; k++) {
                MemoryUtil.putInt(targetOffsets + (((long) targetIndex + i + k) << 2),
                        (int) (MemoryUtil.getInt(at + ((long) k << 2)) + shift));
            }
            position += end - start;
            i += run;
        }
        target.setLastSet(targetIndex + count - 1);
    }

    private static void gatherGeneric(FieldVector[] sources, int rowBits, int[] addresses, int from, int count,
                                      FieldVector target, int targetIndex) {
        int mask = rowMask(rowBits);
        for (int i = 0; i < count; i++) {
            int address = addresses[from + i];
            int t = targetIndex + i;
            if (address < 0) {
                setNull(target, t);
            } else {
                target.copyFromSafe(address & mask, t, sources[address >>> rowBits]);
            }
        }
    }

    private static void setNull(FieldVector target, int index) {
        if (target instanceof ListVector list) {
            list.setNull(index);
        } else if (target instanceof StructVector struct) {
            struct.setNull(index);
        } else if (target instanceof FixedSizeListVector list) {
            list.setNull(index);
        }
        // Other vectors start with a zeroed validity buffer: an unwritten slot already reads as NULL.
    }

    private static void copyVariableRange(BaseVariableWidthVector source, int sourceIndex, int count,
                                          BaseVariableWidthVector target, int targetIndex) {
        ArrowBuf sourceOffsets = source.getOffsetBuffer();
        int sourceStart = sourceOffsets.getInt((long) sourceIndex << 2);
        int sourceEnd = sourceOffsets.getInt(((long) sourceIndex + count) << 2);
        long position = targetIndex == 0 ? 0 : target.getOffsetBuffer().getInt((long) targetIndex << 2);
        ensureVariableCapacity(target, targetIndex + count, position + (sourceEnd - sourceStart));
        ArrowBuf targetOffsets = target.getOffsetBuffer();
        target.getDataBuffer().setBytes(position, source.getDataBuffer(), sourceStart, sourceEnd - sourceStart);
        if (targetIndex == 0) {
            targetOffsets.setInt(0, 0);
        }
        long shift = position - sourceStart;
        for (int i = 1; i <= count; i++) {
            targetOffsets.setInt(((long) targetIndex + i) << 2,
                    (int) (sourceOffsets.getInt(((long) sourceIndex + i) << 2) + shift));
        }
        copyAlignedValidity(source, sourceIndex, target.getValidityBuffer(), targetIndex, count);
        target.setLastSet(targetIndex + count - 1);
    }

    /**
     * Copies validity bits between byte-aligned positions (all ones when the source has no NULL, without
     * reading its validity). The last byte may carry bits past {@code count}; they land on target rows not
     * written yet, which every later write overwrites.
     */
    private static void copyAlignedValidity(FieldVector source, int sourceIndex, ArrowBuf target, int targetIndex,
                                            int count) {
        int bytes = (count + 7) >>> 3;
        if (ColumnValues.mayHaveNulls(source)) {
            target.setBytes(targetIndex >>> 3, source.getValidityBuffer(), sourceIndex >>> 3, bytes);
        } else {
            target.setOne(targetIndex >>> 3, bytes);
        }
    }
}
