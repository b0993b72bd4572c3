package io.polaroid.parquet.read;

import io.polaroid.parquet.decode.BinaryChunk;
import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Converts decoded byte-array values into an Arrow vector, densely from a slot. */
abstract class BinaryValueWriter {

    /** Bytes per value in the target's data buffer, or -1 when the target is variable-width (offsets). */
    abstract int targetWidth();

    /** Writes every value of {@code values} to slots {@code [position, position + values.count())}. */
    abstract void write(BinaryChunk values, FieldVector vector, int position);

    /** Strings and binaries: one bulk copy of the bytes, then the offsets. */
    static final class VariableWidth extends BinaryValueWriter {
        @Override
        int targetWidth() {
            return -1;
        }

        @Override
        void write(BinaryChunk values, FieldVector vector, int position) {
            BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
            int n = values.count();
            ArrowBuf offsets = target.getOffsetBuffer();
            Spread.checkBounds(offsets, (long) (position + n + 1) * Integer.BYTES);
            long offsetAddress = offsets.memoryAddress() + (long) position * Integer.BYTES;
            int start = MemoryUtil.getInt(offsetAddress);
            int bytes = values.byteSize();
            long end = (long) start + bytes;
            CorruptDataException.check(end <= Integer.MAX_VALUE, "more than 2 GiB of values in one vector");
            while (target.getDataBuffer().capacity() < end) {
                target.reallocDataBuffer();
            }
            target.getDataBuffer().setBytes(start, values.data(), 0, bytes);
            int[] valueOffsets = values.offsets();
            for (int i = 1; i <= n; i++) {
                MemoryUtil.putInt(offsetAddress + (long) i * Integer.BYTES, start + valueOffsets[i]);
            }
        }
    }

    /** FIXED_LEN_BYTE_ARRAY(16) UUIDs as their 36-character text. */
    static final class UuidText extends BinaryValueWriter {
        private final BinaryChunk text = new BinaryChunk();
        private final VariableWidth strings = new VariableWidth();

        @Override
        int targetWidth() {
            return -1;
        }

        @Override
        void write(BinaryChunk values, FieldVector vector, int position) {
            int n = values.count();
            text.reset(n);
            int at = text.reserve((long) n * Uuids.TEXT_LENGTH);
            int[] offsets = text.offsets();
            for (int i = 0; i < n; i++) {
                CorruptDataException.check(values.length(i) == 16, "UUID value is not 16 bytes");
                Uuids.formatInto(values.data(), values.offsets()[i], text.data(), at);
                at += Uuids.TEXT_LENGTH;
                offsets[i + 1] = at;
            }
            text.finish(n);
            strings.write(text, vector, position);
        }
    }

    /** Big-endian two's complement decimals (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY) to 128-bit decimals. */
    static final class Decimal extends BinaryValueWriter {
        private final int power;
        private final BigInteger multiplier;

        Decimal(int power) {
            this.power = power;
            this.multiplier = BigInteger.TEN.pow(power);
        }

        @Override
        int targetWidth() {
            return 16;
        }

        @Override
        void write(BinaryChunk values, FieldVector vector, int position) {
            int n = values.count();
            long at = FixedValueWriter.address(vector.getDataBuffer(), position, n, 16);
            byte[] data = values.data();
            int[] offsets = values.offsets();
            for (int i = 0; i < n; i++, at += 16) {
                int from = offsets[i];
                int length = offsets[i + 1] - from;
                if (power == 0 && length <= 16) {
                    writeBigEndian(data, from, length, at);
                } else {
                    writeBig(new BigInteger(data, from, Math.max(1, length)).multiply(multiplier), at, length);
                }
            }
        }

        private static void writeBigEndian(byte[] data, int from, int length, long at) {
            if (length == 0) {
                MemoryUtil.putLong(at, 0);
                MemoryUtil.putLong(at + 8, 0);
                return;
            }
            long high = data[from] < 0 ? -1L : 0L;
            long low = high;
            for (int i = 0; i < length; i++) {
                // Shift the 128-bit (high, low) left by 8 and add the next byte.
                high = (high << 8) | (low >>> 56);
                low = (low << 8) | (data[from + i] & 0xFF);
            }
            MemoryUtil.putLong(at, low);
            MemoryUtil.putLong(at + 8, high);
        }

        private static void writeBig(BigInteger value, long at, int length) {
            CorruptDataException.check(length > 0, "empty decimal value");
            CorruptDataException.check(value.bitLength() < 128, "decimal value does not fit in 38 digits");
            MemoryUtil.putLong(at, value.longValue());
            MemoryUtil.putLong(at + 8, value.shiftRight(64).longValue());
        }
    }

    /** Decimals wider than 38 digits, approximated as doubles. */
    static final class DecimalAsDouble extends BinaryValueWriter {
        private final int scale;

        DecimalAsDouble(int scale) {
            this.scale = scale;
        }

        @Override
        int targetWidth() {
            return 8;
        }

        @Override
        void write(BinaryChunk values, FieldVector vector, int position) {
            int n = values.count();
            long at = FixedValueWriter.address(vector.getDataBuffer(), position, n, 8);
            for (int i = 0; i < n; i++) {
                int length = values.length(i);
                CorruptDataException.check(length > 0, "empty decimal value");
                double value = new BigDecimal(new BigInteger(values.data(), values.offsets()[i], length), scale).doubleValue();
                MemoryUtil.putLong(at + 8L * i, Double.doubleToRawLongBits(value));
            }
        }
    }

    /** IEEE half-precision floats (FIXED_LEN_BYTE_ARRAY(2), little-endian) to FLOAT or DOUBLE. */
    static final class Float16 extends BinaryValueWriter {
        private final boolean toDouble;

        Float16(boolean toDouble) {
            this.toDouble = toDouble;
        }

        @Override
        int targetWidth() {
            return toDouble ? 8 : 4;
        }

        @Override
        void write(BinaryChunk values, FieldVector vector, int position) {
            int n = values.count();
            long at = FixedValueWriter.address(vector.getDataBuffer(), position, n, targetWidth());
            for (int i = 0; i < n; i++) {
                CorruptDataException.check(values.length(i) == 2, "FLOAT16 value is not 2 bytes");
                int from = values.offsets()[i];
                float value = halfToFloat((values.data()[from] & 0xFF) | (values.data()[from + 1] & 0xFF) << 8);
                if (toDouble) {
                    MemoryUtil.putLong(at + 8L * i, Double.doubleToRawLongBits(value));
                } else {
                    MemoryUtil.putInt(at + 4L * i, Float.floatToRawIntBits(value));
                }
            }
        }

        static float halfToFloat(int bits) {
            int sign = (bits >>> 15) & 1;
            int exponent = (bits >>> 10) & 0x1F;
            int mantissa = bits & 0x3FF;
            float magnitude;
            if (exponent == 0) {
                magnitude = mantissa * 0x1p-24f;
            } else if (exponent == 0x1F) {
                magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            } else {
                magnitude = Float.intBitsToFloat(((exponent + 112) << 23) | (mantissa << 13));
            }
            return sign == 0 ? magnitude : -magnitude;
        }
    }
}
