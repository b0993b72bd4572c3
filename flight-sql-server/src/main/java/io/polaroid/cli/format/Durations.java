package io.polaroid.cli.format;

import java.time.Duration;
import java.util.Locale;

/** Elapsed times as people read them: {@code 0.42 ms}, {@code 12.3 ms}, {@code 1.27 s}, {@code 2 min 05 s}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 10_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
