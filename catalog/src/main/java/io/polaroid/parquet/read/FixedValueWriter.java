package io.polaroid.parquet.read;

import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Converts decoded fixed-width values (see {@link io.polaroid.parquet.decode.FixedValuesDecoder}) into an
 * Arrow data buffer: the type conversion and any widening happen here, in one tight loop per call.
 */
abstract class FixedValueWriter {

    /** Bytes per value in the target data buffer; 0 for a bitmap (booleans). */
    abstract int targetWidth();

    /** Whether values stored with {@code physicalWidth} bytes are already in the target's layout. */
    boolean copiesRaw(int physicalWidth) {
        return false;
    }

    /** Writes {@code values[0..n)} to slots {@code [position, position + n)} of {@code data}. */
    abstract void write(long[] values, int n, ArrowBuf data, int position);

    /** The address of slot {@code position}, after checking that {@code n} slots fit. */
    static long address(ArrowBuf data, int position, int n, int width) {
        Spread.checkBounds(data, (long) (position + n) * width);
        return data.memoryAddress() + (long) position * width;
    }

    /** Integers (and bit patterns of floats) narrowed or widened to 1, 2, 4 or 8 bytes. */
    static final class Integers extends FixedValueWriter {
        private final int width;
        private final boolean unsigned32;

        Integers(int width, boolean unsigned32) {
            this.width = width;
            this.unsigned32 = unsigned32;
        }

        @Override
        int targetWidth() {
            return width;
        }

        @Override
        boolean copiesRaw(int physicalWidth) {
            return !unsigned32 && physicalWidth == width;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, width);
            switch (width) {
                case 1 -> {
                    for (int i = 0; i < n; i++) {
                        MemoryUtil.putByte(at + i, (byte) values[i]);
                    }
                }
                case 2 -> {
                    for (int i = 0; i < n; i++) {
                        MemoryUtil.putShort(at + 2L * i, (short) values[i]);
                    }
                }
                case 4 -> {
                    for (int i = 0; i < n; i++) {
                        MemoryUtil.putInt(at + 4L * i, (int) values[i]);
                    }
                }
                default -> {
                    long mask = unsigned32 ? 0xFFFF_FFFFL : -1L;
                    for (int i = 0; i < n; i++) {
                        MemoryUtil.putLong(at + 8L * i, values[i] & mask);
                    }
                }
            }
        }
    }

    /** Integers to DOUBLE. */
    static final class DoubleFromInteger extends FixedValueWriter {
        private final long mask;

        DoubleFromInteger(boolean unsigned32) {
            this.mask = unsigned32 ? 0xFFFF_FFFFL : -1L;
        }

        @Override
        int targetWidth() {
            return 8;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, 8);
            for (int i = 0; i < n; i++) {
                MemoryUtil.putLong(at + 8L * i, Double.doubleToRawLongBits((double) (values[i] & mask)));
            }
        }
    }

    /** FLOAT bits to DOUBLE. */
    static final class DoubleFromFloat extends FixedValueWriter {
        @Override
        int targetWidth() {
            return 8;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, 8);
            for (int i = 0; i < n; i++) {
                double value = Float.intBitsToFloat((int) values[i]);
                MemoryUtil.putLong(at + 8L * i, Double.doubleToRawLongBits(value));
            }
        }
    }

    /** Milliseconds to microseconds (times and timestamps). */
    static final class Multiplied extends FixedValueWriter {
        private final long factor;

        Multiplied(long factor) {
            this.factor = factor;
        }

        @Override
        int targetWidth() {
            return 8;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, 8);
            for (int i = 0; i < n; i++) {
                MemoryUtil.putLong(at + 8L * i, values[i] * factor);
            }
        }
    }

    /** Nanoseconds to microseconds, truncated toward negative infinity like every other engine. */
    static final class FloorDivided extends FixedValueWriter {
        private final long divisor;

        FloorDivided(long divisor) {
            this.divisor = divisor;
        }

        @Override
        int targetWidth() {
            return 8;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, 8);
            for (int i = 0; i < n; i++) {
                MemoryUtil.putLong(at + 8L * i, Math.floorDiv(values[i], divisor));
            }
        }
    }

    /** Unscaled INT32/INT64 decimals (or UINT_64) to Arrow's 128-bit decimals, rescaled by 10^k when widened. */
    static final class Decimal extends FixedValueWriter {
        private static final int MAX_LONG_POWER = 18;
        private final boolean unsignedSource;
        private final int power;
        private final long multiplier;
        private final BigInteger bigMultiplier;

        Decimal(boolean unsignedSource, int power) {
            this.unsignedSource = unsignedSource;
            this.power = power;
            this.multiplier = power <= MAX_LONG_POWER ? pow10(power) : 0;
            this.bigMultiplier = BigInteger.TEN.pow(power);
        }

        @Override
        int targetWidth() {
            return 16;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            long at = address(data, position, n, 16);
            for (int i = 0; i < n; i++, at += 16) {
                long value = values[i];
                long low;
                long high;
                if (power == 0) {
                    low = value;
                    high = unsignedSource ? 0 : value >> 63;
                } else if (power <= MAX_LONG_POWER) {
                    low = value * multiplier;
                    high = unsignedSource ? unsignedMultiplyHigh(value, multiplier) : Math.multiplyHigh(value, multiplier);
                } else {
                    BigInteger big = unsignedSource ? new BigInteger(Long.toUnsignedString(value)) : BigInteger.valueOf(value);
                    big = big.multiply(bigMultiplier);
                    low = big.longValue();
                    high = big.shiftRight(64).longValue();
                }
                MemoryUtil.putLong(at, low);
                MemoryUtil.putLong(at + 8, high);
            }
        }

        private static long unsignedMultiplyHigh(long x, long y) {
            return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
        }

        static long pow10(int power) {
            long result = 1;
            for (int i = 0; i < power; i++) {
                result *= 10;
            }
            return result;
        }
    }

    /** Booleans (0/1) into a bitmap. */
    static final class Bits extends FixedValueWriter {
        @Override
        int targetWidth() {
            return 0;
        }

        @Override
        void write(long[] values, int n, ArrowBuf data, int position) {
            Spread.checkBounds(data, ((long) position + n + 7) / 8);
            for (int i = 0; i < n; i++) {
                BitVectorHelper.setValidityBit(data, position + i, (int) values[i]);
            }
        }
    }
}
