package io.polaroid.catalog.files.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTypeTest {
    @TempDir
    Path temp;

    @Test
    void eachTypeAcceptsItsOwnTextOnly() {
        assertTrue(CsvType.BIGINT.accepts("-9223372036854775808"));
        assertFalse(CsvType.BIGINT.accepts("9223372036854775808"), "beyond a long");
        assertFalse(CsvType.BIGINT.accepts("1.0"));
        assertTrue(CsvType.DOUBLE.accepts("1e-3"));
        assertTrue(CsvType.DOUBLE.accepts(".5"));
        assertTrue(CsvType.DOUBLE.accepts("NaN"));
        assertFalse(CsvType.DOUBLE.accepts("1d"), "Java's float suffixes are not CSV numbers");
        assertFalse(CsvType.DOUBLE.accepts("0x10"));
        assertTrue(CsvType.BOOLEAN.accepts("TRUE"));
        assertFalse(CsvType.BOOLEAN.accepts("yes"));
        assertTrue(CsvType.DATE.accepts("2024-02-29"));
        assertFalse(CsvType.DATE.accepts("2023-02-29"));
        assertTrue(CsvType.TIMESTAMP.accepts("2024-01-02T03:04:05.123456789"));
        assertFalse(CsvType.TIMESTAMP.accepts("2024-01-02 03:04:05+01:00"), "a zone makes it text");
    }

    @Test
    void theFastTemporalPathAgreesWithJavaTime() {
        for (String text : List.of("1970-01-01 00:00:00", "2024-02-29T23:59:59.999999999", "1969-12-31 23:59:59.5",
                "0001-01-01 00:00:00.000001", "2024-01-02 03:04:05.12")) {
            java.time.LocalDateTime time = java.time.LocalDateTime.parse(text.replace(' ', 'T'));
            long expected = time.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
            assertEquals(expected, CsvTemporals.timestampMicros(text), text);
        }
        assertEquals(-1, CsvTemporals.epochDay("1969-12-31"));
        assertEquals(19_782, CsvTemporals.epochDay("2024-02-29"));
        org.junit.jupiter.api.Assertions.assertThrows(java.time.DateTimeException.class,
                () -> CsvTemporals.epochDay("2023-02-29"));
        org.junit.jupiter.api.Assertions.assertThrows(java.time.DateTimeException.class,
                () -> CsvTemporals.timestampMicros("2024-01-02 25:00:00"));
    }

    @Test
    void mixedColumnsWidenToTheNarrowestTypeHoldingBoth() {
        assertEquals(CsvType.DOUBLE, CsvType.BIGINT.widen(CsvType.DOUBLE));
        assertEquals(CsvType.TIMESTAMP, CsvType.DATE.widen(CsvType.TIMESTAMP));
        assertEquals(CsvType.VARCHAR, CsvType.BIGINT.widen(CsvType.DATE));
        assertEquals(CsvType.VARCHAR, CsvType.BOOLEAN.widen(CsvType.BIGINT));
    }

    @Test
    void theSampleDecidesTheTypesAndHeaderNamesAreMadeUnique() throws Exception {
        Path file = temp.resolve("t.csv");
        Files.writeString(file, "a,A,,b\n1,x,2024-01-01,\n2.5,y,2024-01-01 10:00:00,\n");
        CsvFile csv = CsvFile.open(file, Files.size(file));
        assertEquals(List.of("a", "A_2", "column3", "b"), csv.schema().getFields().stream().map(Field::getName).toList());
        assertEquals(List.of(CsvType.DOUBLE.arrowType(), CsvType.VARCHAR.arrowType(), CsvType.TIMESTAMP.arrowType(),
                CsvType.VARCHAR.arrowType()), csv.schema().getFields().stream().map(Field::getType).toList());
        assertEquals(2, csv.estimatedRows());
    }
}
