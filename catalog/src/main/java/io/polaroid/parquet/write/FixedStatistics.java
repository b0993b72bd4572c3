package io.polaroid.parquet.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * Min and max of a fixed-width column chunk in the type's defined order: signed for integers, numeric for
 * floats (NaN is left out, as readers require), false < true for booleans.
 */
final class FixedStatistics {
    private final Type type;
    private long minBits;
    private long maxBits;
    private double minDouble;
    private double maxDouble;
    private boolean any;

    FixedStatistics(Type type) {
        this.type = type;
        reset();
    }

    private void reset() {
        any = false;
        minBits = Long.MAX_VALUE;
        maxBits = Long.MIN_VALUE;
        minDouble = Double.POSITIVE_INFINITY;
        maxDouble = Double.NEGATIVE_INFINITY;
    }

    void update(long value) {
        switch (type) {
            case FLOAT -> updateDouble(Float.intBitsToFloat((int) value));
            case DOUBLE -> updateDouble(Double.longBitsToDouble(value));
            default -> {
                any = true;
                if (value < minBits) {
                    minBits = value;
                }
                if (value > maxBits) {
                    maxBits = value;
                }
            }
        }
    }

    private void updateDouble(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        any = true;
        if (value < minDouble || (value == 0 && minDouble == 0 && Double.doubleToRawLongBits(value) < 0)) {
            minDouble = value;
        }
        if (value > maxDouble) {
            maxDouble = value;
        }
    }

    /** The statistics so far (min/max only if any non-NaN value was seen), then starts over. */
    Statistics take() {
        Statistics statistics = new Statistics();
        if (any) {
            statistics.setMin_value(encode(true));
            statistics.setMax_value(encode(false));
        }
        reset();
        return statistics;
    }

    private byte[] encode(boolean min) {
        ByteBuffer buffer;
        switch (type) {
            case BOOLEAN:
                return new byte[] {(byte) (min ? minBits : maxBits)};
            case INT32:
                return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (min ? minBits : maxBits)).array();
            case FLOAT:
                buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                return buffer.putFloat((float) (min ? minDouble : maxDouble)).array();
            case DOUBLE:
                buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                return buffer.putDouble(min ? minDouble : maxDouble).array();
            default:
                return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(min ? minBits : maxBits).array();
        }
    }
}
