package io.polaroid.engine.exec.window;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One window function of a {@link WindowGroup}.
 *
 * @param function     what to compute
 * @param argument     input column of the argument, or -1 for functions without one
 * @param offset       rows back (LAG) or ahead (LEAD); 0 for other functions
 * @param defaultValue LAG/LEAD's value where the offset row does not exist, as a Calcite internal value
 *                     ({@code Long}, {@code Double}, {@code BigDecimal}, {@code String}, {@code Boolean}
 *                     ...; see {@code InternalValues}), or null for NULL
 * @param output       the result column
 */
public record WindowCall(WindowFunction function, int argument, long offset, Object defaultValue, Field output) {
    public WindowCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(output, "output");
        if (function.hasArgument() != (argument >= 0)) {
            throw new IllegalArgumentException(function + (function.hasArgument() ? " needs" : " takes no")
                    + " argument");
        }
        if (offset != 0 && function != WindowFunction.LAG && function != WindowFunction.LEAD) {
            throw new IllegalArgumentException(function + " takes no offset");
        }
        if (defaultValue != null && function != WindowFunction.LAG && function != WindowFunction.LEAD) {
            throw new IllegalArgumentException(function + " takes no default");
        }
    }

    public static WindowCall of(WindowFunction function, int argument, Field output) {
        return new WindowCall(function, argument, 0, null, output);
    }
}
