package io.polaroid.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultDigestTest {
    private static ResultDigest digest(Object[]... rows) {
        ResultDigest.Builder builder = new ResultDigest.Builder();
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                builder.value(c, row[c]);
            }
            builder.endRow();
        }
        return builder.build(rows.length == 0 ? 0 : rows[0].length);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    @Test
    void rowOrderDoesNotMatter() {
        ResultDigest a = digest(row("AAPL", 1L, 10.5), row("MSFT", 2L, 20.25));
        ResultDigest b = digest(row("MSFT", 2L, 20.25), row("AAPL", 1L, 10.5));
        assertEquals(Optional.empty(), a.difference(b));
    }

    @Test
    void numbersCompareByValueWhateverTheirClass() {
        ResultDigest decimal = digest(row(new BigDecimal("25.52"), 3L));
        ResultDigest dbl = digest(row(25.52, 3));
        assertEquals(Optional.empty(), decimal.difference(dbl));
    }

    @Test
    void floatingPointSumsWithinTheToleranceAgree() {
        ResultDigest a = digest(row(0.1), row(0.2), row(0.3));
        ResultDigest b = digest(row(0.3), row(0.2), row(0.1 + 1e-15));
        assertEquals(Optional.empty(), a.difference(b));
    }

    @Test
    void aRoundedAverageIsAWrongAnswer() {
        ResultDigest exact = digest(row("A", 25.540780597277237));
        ResultDigest rounded = digest(row("A", new BigDecimal("25.54")));
        assertTrue(exact.difference(rounded).orElseThrow().startsWith("column 2: sum"));
    }

    @Test
    void differentRowCountsAreReported() {
        assertEquals(Optional.of("rows 2 vs 1"), digest(row("a"), row("b")).difference(digest(row("a"))));
    }

    @Test
    void differentStringsAreReported() {
        assertTrue(digest(row("a", 1)).difference(digest(row("b", 1))).orElseThrow().startsWith("column 1"));
    }

    @Test
    void valuesRecombinedAcrossRowsAreReported() {
        // the same values per column, paired differently: only the row hash sees it
        ResultDigest a = digest(row("x", "p"), row("y", "q"));
        ResultDigest b = digest(row("x", "q"), row("y", "p"));
        assertEquals(Optional.of("rows hold other combinations of values (row hash differs)"), a.difference(b));
    }

    @Test
    void timestampsCompareByValueToTheMicrosecond() {
        LocalDateTime micros = LocalDateTime.of(2024, 3, 4, 9, 30, 13, 78_245_000);
        ResultDigest sql = digest(row(Timestamp.valueOf(micros)));
        ResultDigest local = digest(row(micros));
        assertEquals(Optional.empty(), sql.difference(local));
        ResultDigest millis = digest(row(Timestamp.valueOf(micros.withNano(78_000_000))));
        assertTrue(sql.difference(millis).isPresent(), "a timestamp truncated to milliseconds is another value");
    }

    @Test
    void datesCompareByValue() {
        ResultDigest sql = digest(row(java.sql.Date.valueOf(LocalDate.of(1995, 3, 15))));
        assertEquals(Optional.empty(), sql.difference(digest(row(LocalDate.of(1995, 3, 15)))));
    }

    @Test
    void nullsCountAndANumberIsNotAString() {
        assertTrue(digest(row((Object) null)).difference(digest(row(1))).orElseThrow().contains("nulls"));
        assertTrue(digest(row("1")).difference(digest(row(1))).orElseThrow().contains("numeric values"));
    }

    @Test
    void columnCountsMustMatch() {
        assertEquals(Optional.of("columns 2 vs 1"), digest(row(1, 2)).difference(digest(row(1))));
    }

    @Test
    void anEmptyResultHasAllColumns() {
        ResultDigest empty = new ResultDigest.Builder().build(3);
        assertEquals(0, empty.rows());
        assertEquals(3, empty.columns().size());
        assertEquals(List.of(0L, 0L, 0L), empty.columns().stream().map(ResultDigest.ColumnDigest::nulls).toList());
    }

    @Test
    void bytesCompareByContent() {
        assertEquals(Optional.empty(), digest(row((Object) new byte[] {1, 2})).difference(digest(row((Object) new byte[] {1, 2}))));
        assertTrue(digest(row((Object) new byte[] {1, 2})).difference(digest(row((Object) new byte[] {2, 1}))).isPresent());
    }
}
