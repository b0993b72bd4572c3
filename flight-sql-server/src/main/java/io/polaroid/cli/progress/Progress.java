package io.polaroid.cli.progress;

import io.polaroid.cli.format.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for a long step: a bar when the amount of work is known
 * ({@code generating trades [#########-----------]  45%  4.5M/10M rows  2.1 s}), a spinner with the elapsed
 * time when it is not. On a terminal the line is redrawn in place a few times a second by a daemon thread
 * that reads the work done from a {@link LongSupplier}; when standard error is not a terminal (a log, a test)
 * only the start and the end are printed, one line each.
 */
public final class Progress implements AutoCloseable {
    private static final long REDRAW_MILLIS = 120;
    private static final int BAR_CELLS = 24;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final LongSupplier done;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private final Thread redrawer;
    private volatile boolean stopped;
    private int lastLineWidth;
    private int frame;

    private Progress(PrintWriter err, boolean terminal, String label, LongSupplier done, long total, String unit) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.label = Objects.requireNonNull(label, "label");
        this.done = Objects.requireNonNull(done, "done");
        this.total = total;
        this.unit = Objects.requireNonNull(unit, "unit");
        if (terminal) {
            redrawer = new Thread(this::redrawUntilStopped, "polaroid-progress");
            redrawer.setDaemon(true);
            redrawer.start();
        } else {
            redrawer = null;
            synchronized (err) {
                err.println(label + "...");
                err.flush();
            }
        }
    }

    /** A bar over {@code total} units ({@code rows}, {@code files}) of which {@code done} are finished. */
    public static Progress bar(PrintWriter err, boolean terminal, String label, LongSupplier done, long total,
                               String unit) {
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive: " + total);
        }
        return new Progress(err, terminal, label, done, total, unit);
    }

    /** A spinner with the elapsed time, for work of unknown size. */
    public static Progress spinner(PrintWriter err, boolean terminal, String label) {
        return new Progress(err, terminal, label, () -> 0, 0, "");
    }

    /** Stops redrawing and prints the final line: {@code label: summary (elapsed)}. */
    public void finish(String summary) {
        stop();
        synchronized (err) {
            clearLine();
            err.println(label + ": " + summary + " (" + Durations.format(elapsed()) + ")");
            err.flush();
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Stops without a final line (the step failed and its error is printed next); idempotent. */
    @Override
    public void close() {
        if (stop()) {
            synchronized (err) {
                clearLine();
                err.flush();
            }
        }
    }

    /** Returns whether this call stopped it. */
    private boolean stop() {
        if (stopped) {
            return false;
        }
        stopped = true;
        if (redrawer != null) {
            redrawer.interrupt();
            try {
                redrawer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private void redrawUntilStopped() {
        while (!stopped) {
            synchronized (err) {
                if (stopped) {
                    return;
                }
                String line = render();
                err.print("\r" + line + " ".repeat(Math.max(0, lastLineWidth - line.length())));
                err.flush();
                lastLineWidth = line.length();
            }
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void clearLine() {
        if (terminal && lastLineWidth > 0) {
            err.print("\r" + " ".repeat(lastLineWidth) + "\r");
            lastLineWidth = 0;
        }
    }

    String render() {
        String time = Durations.format(elapsed());
        if (total <= 0) {
            frame = (frame + 1) % SPINNER.length();
            return SPINNER.charAt(frame) + " " + label + "  " + time;
        }
        long finished = Math.min(Math.max(done.getAsLong(), 0), total);
        int filled = (int) (BAR_CELLS * finished / total);
        return label + " [" + "#".repeat(filled) + "-".repeat(BAR_CELLS - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", 100 * finished / total) + "  "
                + count(finished) + "/" + count(total) + " " + unit + "  " + time;
    }

    /** 950, 12.5K, 3.2M, 1.1G: short enough for a progress line. */
    static String count(long value) {
        if (value < 1_000) {
            return Long.toString(value);
        }
        if (value < 1_000_000) {
            return trim(value / 1e3) + "K";
        }
        if (value < 1_000_000_000) {
            return trim(value / 1e6) + "M";
        }
        return trim(value / 1e9) + "G";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
