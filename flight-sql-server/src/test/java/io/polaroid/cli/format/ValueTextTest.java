package io.polaroid.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void writesBinaryAsHex() {
        assertEquals("\\x00ff7f", ValueText.hex(new byte[] {0, (byte) 0xff, 0x7f}));
        assertEquals("\\x", ValueText.hex(new byte[0]));
    }
}
