package io.polaroid.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class StatisticValuesTest {
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    @Test
    void kindsFollowTheSharedRepresentation() {
        assertEquals(StatisticValues.Kind.LONG, StatisticValues.kindOf(new ArrowType.Int(16, true)));
        assertEquals(StatisticValues.Kind.LONG, StatisticValues.kindOf(new ArrowType.Date(DateUnit.DAY)));
        assertEquals(StatisticValues.Kind.LONG, StatisticValues.kindOf(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));
        assertEquals(StatisticValues.Kind.DOUBLE, StatisticValues.kindOf(DOUBLE));
        assertEquals(StatisticValues.Kind.DECIMAL, StatisticValues.kindOf(new ArrowType.Decimal(10, 2, 128)));
        assertEquals(StatisticValues.Kind.STRING, StatisticValues.kindOf(ArrowType.Utf8.INSTANCE));
        assertEquals(StatisticValues.Kind.NONE, StatisticValues.kindOf(ArrowType.Binary.INSTANCE));
    }

    @Test
    void normalizeWidensExactlyOrGivesUp() {
        assertEquals(5.0, StatisticValues.normalize(5L, DOUBLE));
        assertEquals(new BigDecimal("7"), StatisticValues.normalize(7L, new ArrowType.Decimal(10, 2, 128)));
        assertEquals(3L, StatisticValues.normalize(3, new ArrowType.Int(64, true)));
        assertNull(StatisticValues.normalize(2.5, new ArrowType.Int(64, true)));
        assertNull(StatisticValues.normalize("x", new ArrowType.Int(64, true)));
        assertNull(StatisticValues.normalize(new byte[] {1}, ArrowType.Binary.INSTANCE));
    }

    @Test
    void numbersCompareByValueAcrossRepresentations() {
        assertEquals(Optional.of(0), StatisticValues.compare(2L, 2.0));
        assertEquals(Optional.of(0), StatisticValues.compare(new BigDecimal("2.50"), 2.5));
        assertTrue(StatisticValues.compare(Long.MAX_VALUE, (double) Long.MAX_VALUE).orElseThrow() < 0);
        assertTrue(StatisticValues.compare(3L, Double.POSITIVE_INFINITY).orElseThrow() < 0);
        assertEquals(Optional.of(0), StatisticValues.compare(-0.0, 0.0));
        assertEquals(Optional.empty(), StatisticValues.compare(Double.NaN, 1.0));
    }

    @Test
    void stringsCompareByCodePointLikeParquet() {
        // U+FF5E sorts before U+1F600 by code point, but after its UTF-16 surrogates by char value.
        assertTrue(StatisticValues.compare("\uFF5E", "😀").orElseThrow() < 0);
        assertTrue(StatisticValues.compare("ab", "abc").orElseThrow() < 0);
    }

    @Test
    void differentKindsDoNotCompare() {
        assertEquals(Optional.empty(), StatisticValues.compare("1", 1L));
        assertEquals(Optional.empty(), StatisticValues.compare(true, 1L));
        assertEquals(Optional.empty(), StatisticValues.compare(null, 1L));
    }
}
