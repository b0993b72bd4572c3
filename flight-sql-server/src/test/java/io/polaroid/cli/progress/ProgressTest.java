package io.polaroid.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    @Test
    void printsOnlyStartAndEndWhenNotATerminal() {
        AtomicLong done = new AtomicLong();
        Progress progress = Progress.bar(err, false, "generating", done::get, 1_000, "rows");
        done.set(500);
        progress.finish("5 files");

        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text::toString);
        assertEquals("generating...", lines[0]);
        assertTrue(lines[1].matches("generating: 5 files \\([0-9.]+ m?s\\)"), lines[1]);
    }

    @Test
    void drawsABarOfTheWorkDone() {
        AtomicLong done = new AtomicLong(2_500_000);
        try (Progress progress = Progress.bar(err, false, "generating", done::get, 10_000_000, "rows")) {
            String line = progress.render();
            assertTrue(line.startsWith("generating [######------------------]  25%  2.5M/10M rows  "), line);
        }
    }

    @Test
    void spinsWhenTheAmountOfWorkIsUnknown() {
        try (Progress progress = Progress.spinner(err, false, "loading")) {
            assertTrue(progress.render().matches("[|/\\-\\\\] loading  [0-9.]+ m?s"), progress.render());
        }
    }

    @Test
    void redrawsInPlaceOnATerminalAndEndsWithOneSummaryLine() {
        Progress progress = Progress.spinner(err, true, "loading");
        progress.finish("done");

        String output = text.toString();
        assertEquals(output.length() - 1, output.indexOf('\n'), "redraws use \\r, only the summary ends a line");
        String lastLine = output.substring(output.lastIndexOf('\r') + 1);
        assertTrue(lastLine.matches("loading: done \\([0-9.]+ m?s\\)\n"), output);
    }

    @Test
    void closingWithoutFinishPrintsNoSummary() {
        Progress.bar(err, false, "writing", () -> 0, 10, "files").close();

        assertEquals("writing...\n", text.toString());
    }

    @Test
    void abbreviatesCounts() {
        assertEquals("950", Progress.count(950));
        assertEquals("12.5K", Progress.count(12_500));
        assertEquals("10M", Progress.count(10_000_000));
        assertEquals("1.1G", Progress.count(1_100_000_000));
    }

    @Test
    void rejectsAnEmptyBar() {
        assertThrows(IllegalArgumentException.class, () -> Progress.bar(err, false, "x", () -> 0, 0, "rows"));
    }
}
