package io.polaroid.parquet.write;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** Reads slots of a fixed-width vector as the longs of their physical Parquet values, one loop per layout. */
final class FixedValueReader {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MILLI = 1_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private FixedValueReader() {
    }

    /** Reads slots {@code [from, from + n)} of {@code vector} into {@code out[0..n)} (null slots: any value). */
    static void read(ValueSource source, FieldVector vector, int from, int n, long[] out) {
        ArrowBuf data = vector.getDataBuffer();
        switch (source) {
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = BitVectorHelper.get(data, from + i);
                }
            }
            case INT8 -> {
                long at = address(data, from, n, 1);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getByte(at + i);
                }
            }
            case INT16 -> {
                long at = address(data, from, n, 2);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getShort(at + 2L * i);
                }
            }
            case INT32, FLOAT4_BITS, DATE_DAY -> {
                long at = address(data, from, n, 4);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getInt(at + 4L * i);
                }
            }
            case INT64, FLOAT8_BITS, TIME_MICRO, TIMESTAMP_MICRO, TIMESTAMP_NANO -> {
                long at = address(data, from, n, 8);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getLong(at + 8L * i);
                }
            }
            case DECIMAL_LONG -> {
                long at = address(data, from, n, 16);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getLong(at + 16L * i);
                }
            }
            case DATE_MILLI -> {
                long at = address(data, from, n, 8);
                for (int i = 0; i < n; i++) {
                    out[i] = Math.floorDiv(MemoryUtil.getLong(at + 8L * i), MILLIS_PER_DAY);
                }
            }
            case TIME_SECOND -> {
                long at = address(data, from, n, 4);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getInt(at + 4L * i) * MICROS_PER_SECOND;
                }
            }
            case TIME_MILLI -> {
                long at = address(data, from, n, 4);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getInt(at + 4L * i) * MICROS_PER_MILLI;
                }
            }
            case TIME_NANO -> {
                long at = address(data, from, n, 8);
                for (int i = 0; i < n; i++) {
                    out[i] = Math.floorDiv(MemoryUtil.getLong(at + 8L * i), 1_000L);
                }
            }
            case TIMESTAMP_SECOND -> {
                long at = address(data, from, n, 8);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getLong(at + 8L * i) * MICROS_PER_SECOND;
                }
            }
            case TIMESTAMP_MILLI -> {
                long at = address(data, from, n, 8);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getLong(at + 8L * i) * MICROS_PER_MILLI;
                }
            }
            default -> throw new IllegalArgumentException(source + " is not a fixed-width source");
        }
    }

    private static long address(ArrowBuf data, int from, int n, int width) {
        long end = (long) (from + n) * width;
        if (end > data.capacity()) {
            throw new IllegalArgumentException("vector holds fewer values than the batch claims");
        }
        return data.memoryAddress() + (long) from * width;
    }
}
