package io.polaroid.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {
    @Test
    void splitsAtSemicolons() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("SELECT 1; SELECT 2;"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("SELECT 1;\nSELECT 2"));
        assertEquals(List.of(), SqlSplitter.split(" ;; \n ; "));
    }

    @Test
    void keepsSemicolonsInsideStringsAndQuotedNames() {
        assertEquals(List.of("SELECT 'a;b', \"c;d\" FROM t", "SELECT 'it''s; fine'"),
                SqlSplitter.split("SELECT 'a;b', \"c;d\" FROM t; SELECT 'it''s; fine';"));
    }

    @Test
    void removesCommentsButNotCommentLookalikesInStrings() {
        assertEquals(List.of("SELECT 1 \n,   2", "SELECT '-- not a comment', '/* nor this */'"),
                SqlSplitter.split("SELECT 1 -- one; still a comment\n, /* two; */ 2;"
                        + " SELECT '-- not a comment', '/* nor this */'"));
        assertEquals(List.of(), SqlSplitter.split("-- only a comment;\n/* and; another */"));
    }

    @Test
    void followsStatementsAcrossLines() {
        SqlSplitter splitter = new SqlSplitter();
        assertEquals(List.of(), splitter.feedLine("SELECT 'multi"));
        assertTrue(splitter.hasPendingText());
        assertEquals(List.of(), splitter.feedLine("line; string' /* open"));
        assertEquals(List.of(), splitter.feedLine("comment; */ AS s"));
        assertEquals(List.of("SELECT 'multi\nline; string'   AS s", "SELECT 2"), splitter.feedLine("; SELECT 2;"));
        assertFalse(splitter.hasPendingText());
    }

    @Test
    void treatsAnOpenCommentAsPendingButNotALineComment() {
        SqlSplitter splitter = new SqlSplitter();
        splitter.feedLine("/* open");
        assertTrue(splitter.hasPendingText());
        splitter.reset();
        splitter.feedLine("-- line comment");
        assertFalse(splitter.hasPendingText());
    }

    @Test
    void finishesWithTheTextLeftOver() {
        SqlSplitter splitter = new SqlSplitter();
        splitter.feedLine("SELECT 1; SELECT");
        assertEquals(Optional.of("SELECT"), splitter.finish());
        assertEquals(Optional.empty(), splitter.finish());
    }
}
