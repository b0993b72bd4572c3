package io.polaroid.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void writesDoublesInPlainNotationWhereThatStaysReadable() {
        assertEquals("2.5", ValueText.formatDouble(2.5));
        assertEquals("10000000.0", ValueText.formatDouble(1e7));
        assertEquals("-123456789012.5", ValueText.formatDouble(-123456789012.5));
        assertEquals("0.0001", ValueText.formatDouble(1e-4));
        assertEquals("0.0", ValueText.formatDouble(0.0));
        assertEquals("1.0E20", ValueText.formatDouble(1e20));
        assertEquals("1.5E-7", ValueText.formatDouble(1.5e-7));
        assertEquals("NaN", ValueText.formatDouble(Double.NaN));
        assertEquals("-Infinity", ValueText.formatDouble(Double.NEGATIVE_INFINITY));
    }

    @Test
    void writesRealsWithTheirOwnShortestDigits() {
        assertEquals("0.1", ValueText.formatReal(0.1f));
        assertEquals("12345678.0", ValueText.formatReal(1.2345678e7f));
    }

    @Test
    void writesTimestampsWithTheFractionTheyNeed() {
        LocalDateTime base = LocalDateTime.of(2024, 3, 4, 9, 5, 7);
        assertEquals("2024-03-04 09:05:07", ValueText.formatTimestamp(base));
        assertEquals("2024-03-04 09:05:07.25", ValueText.formatTimestamp(base.withNano(250_000_000)));
        assertEquals("2024-03-04 09:05:07.000001", ValueText.formatTimestamp(base.withNano(1_000)));
        assertEquals("2024-03-04 09:05:07.123456789", ValueText.formatTimestamp(base.withNano(123_456_789)));
        assertEquals("0001-01-01 00:00:00", ValueText.formatTimestamp(LocalDateTime.of(1, 1, 1, 0, 0)));
        assertEquals("+10000-01-01 00:00:00", ValueText.formatTimestamp(LocalDateTime.of(10_000, 1, 1, 0, 0)));
        assertEquals("-0001-12-31 23:59:59.5",
                ValueText.formatTimestamp(LocalDateTime.of(-1, 12, 31, 23, 59, 59, 500_000_000)));
    }

    @Test
    void writesTheOffsetOfZonedTimestamps() {
        LocalDateTime base = LocalDateTime.of(2024, 3, 4, 9, 30);
        assertEquals("2024-03-04 09:30:00+00:00", ValueText.formatTimestamp(base.atOffset(ZoneOffset.UTC)));
        assertEquals("2024-03-04 09:30:00.5-05:00",
                ValueText.formatTimestamp(base.withNano(500_000_000).atOffset(ZoneOffset.ofHours(-5))));
    }

    @Test
    void writesBinaryAsHex() {
        assertEquals("\\x00ff7f", ValueText.hex(new byte[] {0, (byte) 0xff, 0x7f}));
        assertEquals("\\x", ValueText.hex(new byte[0]));
    }
}
