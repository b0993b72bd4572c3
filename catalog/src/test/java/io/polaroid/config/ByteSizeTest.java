package io.polaroid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @Test
    void readsBytesAndBinaryUnits() {
        assertEquals(536_870_912L, ByteSize.parse("536870912"));
        assertEquals(64L << 10, ByteSize.parse("64k"));
        assertEquals(512L << 20, ByteSize.parse("512m"));
        assertEquals(512L << 20, ByteSize.parse("512 MB"));
        assertEquals(2L << 30, ByteSize.parse("2GiB"));
        assertEquals(1L << 40, ByteSize.parse(" 1t "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "0", "-5m", "1.5g", "9999999t", "99999999999999999999"})
    void refusesWhatIsNotAPositiveSize(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text));
        assertEquals(true, error.getMessage().startsWith("a "), error.getMessage());
    }
}
