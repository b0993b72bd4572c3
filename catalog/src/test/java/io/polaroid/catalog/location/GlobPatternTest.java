package io.polaroid.catalog.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void starStaysWithinOneSegment() {
        GlobPattern pattern = GlobPattern.compile("trades_2024-*.parquet");
        assertTrue(pattern.matches("trades_2024-01.parquet"));
        assertFalse(pattern.matches("trades_2023-12.parquet"));
        assertFalse(pattern.matches("sub/trades_2024-01.parquet"));
        assertEquals(1, pattern.maxDepth());
    }

    @Test
    void doubleStarMatchesZeroOrMoreDirectories() {
        GlobPattern pattern = GlobPattern.compile("**/*.parquet");
        assertTrue(pattern.matches("a.parquet"));
        assertTrue(pattern.matches("x/a.parquet"));
        assertTrue(pattern.matches("x/y/z/a.parquet"));
        assertFalse(pattern.matches("x/a.csv"));
        assertEquals(Integer.MAX_VALUE, pattern.maxDepth());
    }

    @Test
    void trailingDoubleStarMatchesEverythingBelow() {
        GlobPattern pattern = GlobPattern.compile("data/**");
        assertTrue(pattern.matches("data/a"));
        assertTrue(pattern.matches("data/x/y.parquet"));
        assertFalse(pattern.matches("other/a"));
    }

    @Test
    void questionMarkAndCharacterClasses() {
        assertTrue(GlobPattern.compile("part-?.parquet").matches("part-1.parquet"));
        assertFalse(GlobPattern.compile("part-?.parquet").matches("part-12.parquet"));
        GlobPattern range = GlobPattern.compile("month=0[1-3]/*.parquet");
        assertTrue(range.matches("month=02/a.parquet"));
        assertFalse(range.matches("month=04/a.parquet"));
        GlobPattern negated = GlobPattern.compile("[!a]*.parquet");
        assertTrue(negated.matches("b.parquet"));
        assertFalse(negated.matches("a.parquet"));
    }

    @Test
    void regexCharactersAreLiterals() {
        GlobPattern pattern = GlobPattern.compile("a.b+(c)$/x{1}.parquet");
        assertTrue(pattern.matches("a.b+(c)$/x{1}.parquet"));
        assertFalse(pattern.matches("aXb+(c)$/x{1}.parquet"));
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile("a[bc.parquet"));
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile(""));
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile("/abs/*.parquet"));
    }
}
