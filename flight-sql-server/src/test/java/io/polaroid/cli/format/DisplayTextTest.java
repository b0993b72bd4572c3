package io.polaroid.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void countsTerminalCells() {
        assertEquals(5, DisplayText.width("hello"));
        assertEquals(4, DisplayText.width("日本"));
        assertEquals(2, DisplayText.width("😀"));
        assertEquals(1, DisplayText.width("e\u0301"));
        assertEquals(0, DisplayText.width(""));
    }

    @Test
    void truncatesToAWidthWithAnEllipsis() {
        assertEquals("hello", DisplayText.truncate("hello", 5));
        assertEquals("hel…", DisplayText.truncate("hello", 4));
        assertEquals("…", DisplayText.truncate("hello", 1));
        assertEquals("日…", DisplayText.truncate("日本語", 4));
        assertEquals("…", DisplayText.truncate("日本語", 2));
        assertThrows(IllegalArgumentException.class, () -> DisplayText.truncate("x", 0));
    }

    @Test
    void makesControlCharactersVisible() {
        assertEquals("plain", DisplayText.singleLine("plain"));
        assertEquals("a\\r\\nb\\tc?d", DisplayText.singleLine("a\r\nb\tc\u0000d"));
    }

    @Test
    void padsByCellsNotChars() {
        StringBuilder line = new StringBuilder();
        DisplayText.pad(line, "日本", 6, false);
        DisplayText.pad(line, "7", 3, true);
        assertEquals("日本    7", line.toString());
    }
}
