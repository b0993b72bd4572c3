package io.polaroid.engine.types;

import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Calcite's date-time literal values in the units Arrow uses (microseconds), sub-millisecond digits kept. */
public final class TemporalLiterals {
    private TemporalLiterals() {
    }

    /** Microseconds since the epoch of a timestamp literal. */
    public static long timestampMicros(TimestampString value) {
        long millis = value.getMillisSinceEpoch();
        return Math.floorDiv(millis, 1000L) * 1_000_000L + fractionMicros(value.toString());
    }

    /** Microseconds since midnight of a time literal. */
    public static long timeMicros(TimeString value) {
        long millis = value.getMillisOfDay();
        return (millis / 1000L) * 1_000_000L + fractionMicros(value.toString());
    }

    /** The fractional seconds of "...hh:mm:ss[.ffffff...]" in microseconds. */
    private static long fractionMicros(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 0 || text.indexOf(':', dot) >= 0) {
            return 0;
        }
        String digits = (text.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(digits);
    }
}
