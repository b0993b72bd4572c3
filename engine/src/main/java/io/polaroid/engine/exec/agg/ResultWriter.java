package io.polaroid.engine.exec.agg;

import io.polaroid.engine.exec.vector.VectorGather;
import io.polaroid.engine.types.Decimals;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Writes aggregate results into the output vector of the planner's chosen type, converting from the
 * accumulator's internal form and failing with 22003 where the value does not fit.
 */
final class ResultWriter {
    private ResultWriter() {
    }

    /** Sizes a fixed-width result vector for {@code count} rows. */
    static void prepare(FieldVector target, int count) {
        if (target instanceof BaseFixedWidthVector fixed) {
            VectorGather.ensureFixedCapacity(fixed, count);
        }
    }

    static void setNull(FieldVector target, int index) {
        BitVectorHelper.setValidityBit(target.getValidityBuffer(), index, 0);
    }

    /**
     * Writes an exact integer into an Int (range-checked), FloatingPoint, Decimal (at its scale) or any
     * other integer-like column (Date, Time, Timestamp, Bool: stored as is).
     */
    static void setLong(FieldVector target, int index, long value, String what) {
        ArrowType type = target.getField().getType();
        if (target instanceof Float8Vector doubles) {
            doubles.set(index, (double) value);
        } else if (target instanceof Float4Vector floats) {
            floats.set(index, (float) value);
        } else if (target instanceof DecimalVector decimals) {
            setDecimal(decimals, index, BigDecimal.valueOf(value), what);
        } else if (target instanceof BitVector bits) {
            bits.set(index, (int) value);
        } else {
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) target;
            int width = fixed.getTypeWidth();
            if (type instanceof ArrowType.Int && width < 8) {
                long bound = 1L << (width * 8 - 1);
                if (value < -bound || value >= bound) {
                    throw outOfRange(what, value, type);
                }
            }
            ArrowBuf data = fixed.getDataBuffer();
            switch (width) {
                case 8 -> data.setLong((long) index << 3, value);
                case 4 -> data.setInt((long) index << 2, (int) value);
                case 2 -> data.setShort((long) index << 1, (short) value);
                case 1 -> data.setByte(index, (byte) value);
                default -> throw new IllegalStateException("not an integer-like column: " + target.getField());
            }
            BitVectorHelper.setBit(fixed.getValidityBuffer(), index);
        }
    }

    /** Writes a double into a FloatingPoint, Decimal (rounded half up) or Int (truncated) column. */
    static void setDouble(FieldVector target, int index, double value, String what) {
        if (target instanceof Float8Vector doubles) {
            doubles.set(index, value);
        } else if (target instanceof Float4Vector floats) {
            floats.set(index, (float) value);
        } else if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    what + " is " + value + ", which " + target.getField().getType() + " cannot hold");
        } else if (target instanceof DecimalVector decimals) {
            setDecimal(decimals, index, BigDecimal.valueOf(value), what);
        } else {
            if (value >= 0x1p63 || value < -0x1p63) {
                throw outOfRange(what, value, target.getField().getType());
            }
            setLong(target, index, (long) value, what);
        }
    }

    /** Writes an exact decimal into a Decimal (rescaled, precision-checked), FloatingPoint or Int column. */
    static void setBigDecimal(FieldVector target, int index, BigDecimal value, String what) {
        if (target instanceof DecimalVector decimals) {
            setDecimal(decimals, index, value, what);
        } else if (target instanceof Float8Vector || target instanceof Float4Vector) {
            setDouble(target, index, value.doubleValue(), what);
        } else {
            BigDecimal truncated = value.setScale(0, RoundingMode.DOWN);
            if (truncated.unscaledValue().bitLength() > 63) {
                throw outOfRange(what, value, target.getField().getType());
            }
            setLong(target, index, truncated.longValueExact(), what);
        }
    }

    private static void setDecimal(DecimalVector target, int index, BigDecimal value, String what) {
        BigDecimal scaled;
        try {
            scaled = Decimals.rescale(value, target.getScale(), target.getPrecision());
        } catch (PolaroidException e) {
            throw new PolaroidException(e.code(), what + ": " + e.getMessage(), e);
        }
        target.set(index, scaled);
    }

    private static PolaroidException outOfRange(String what, Object value, ArrowType type) {
        return new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                what + " is " + value + ", out of range for " + type);
    }
}
