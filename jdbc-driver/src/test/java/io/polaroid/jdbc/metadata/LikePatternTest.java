package io.polaroid.jdbc.metadata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void nullAndPercentMatchEverything() {
        assertTrue(LikePattern.of(null).matches("anything"));
        assertTrue(LikePattern.of("%").matches(""));
    }

    @Test
    void wildcardsAndCaseInsensitivity() {
        LikePattern pattern = LikePattern.of("tr_de%");
        assertTrue(pattern.matches("trades"));
        assertTrue(pattern.matches("TRADE"));
        assertTrue(pattern.matches("Trode_2024"));
        assertFalse(pattern.matches("trades_x".substring(1)));
        assertFalse(pattern.matches(null));
    }

    @Test
    void escapedWildcardsAndRegexCharactersAreLiteral() {
        LikePattern pattern = LikePattern.of("a\\_b.c%");
        assertTrue(pattern.matches("a_b.c"));
        assertTrue(pattern.matches("a_b.cd"));
        assertFalse(pattern.matches("axb.c"), "an escaped _ is not a wildcard");
        assertFalse(pattern.matches("a_bxc"), ". is not a regex wildcard");
        assertTrue(LikePattern.of("100\\%").matches("100%"));
        assertFalse(LikePattern.of("100\\%").matches("1000"));
    }
}
