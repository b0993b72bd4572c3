package io.polaroid.engine.types;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal rounding and range checks shared by every place that stores a DECIMAL value. */
public final class Decimals {
    private Decimals() {
    }

    /**
     * {@code value} at {@code scale} (rounding half up, as SQL casts do), failing with 22003 when it needs
     * more than {@code precision} digits.
     */
    public static BigDecimal rescale(BigDecimal value, int scale, int precision) {
        BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() > precision && scaled.signum() != 0) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value " + value.toPlainString() + " does not fit DECIMAL(" + precision + ", " + scale + ")");
        }
        return scaled;
    }
}
