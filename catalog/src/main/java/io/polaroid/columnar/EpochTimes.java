package io.polaroid.columnar;

import java.time.Instant;
import java.util.Objects;
import org.apache.arrow.vector.types.TimeUnit;

/** Arrow's stored timestamp counts as {@link Instant}s: one conversion for the server, the driver and tests. */
public final class EpochTimes {
    private EpochTimes() {
    }

    /** {@code value} {@code unit}s since the epoch (negative before 1970: floor division, never a negative nano). */
    public static Instant instant(long value, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        switch (unit) {
            case SECOND:
                return Instant.ofEpochSecond(value);
            case MILLISECOND:
                return Instant.ofEpochMilli(value);
            case MICROSECOND:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            default:
                return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        }
    }
}
