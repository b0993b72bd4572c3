package io.polaroid.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetBrowserTest {
    @Test
    void escapesLikeWildcardsInNames() {
        assertEquals("my\\_data\\%set", DatasetBrowser.likeLiteral("my_data%set", "\\"));
        assertEquals("a\\\\b", DatasetBrowser.likeLiteral("a\\b", "\\"));
        assertEquals("my_data", DatasetBrowser.likeLiteral("my_data", ""));
    }

    @Test
    void matchesNamesLikeUnquotedSql() {
        DatasetBrowser.TableName trades = new DatasetBrowser.TableName("main", "trades");
        assertTrue(DatasetBrowser.TableName.parse("TRADES").matches(trades));
        assertTrue(DatasetBrowser.TableName.parse("Main.Trades").matches(trades));
        assertTrue(DatasetBrowser.TableName.parse("\"main\".\"trades\"").matches(trades));
        assertFalse(DatasetBrowser.TableName.parse("other.trades").matches(trades));
        assertFalse(DatasetBrowser.TableName.parse("trade").matches(trades));
    }
}
