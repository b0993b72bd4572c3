package io.polaroid.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private static final List<TextTable.Column> NAME_AND_COUNT = List.of(
            new TextTable.Column("name", false), new TextTable.Column("count", true));

    @Test
    void alignsTextLeftAndNumbersRight() {
        TextTable table = new TextTable(NAME_AND_COUNT, out);
        table.add(new String[] {"a", "1"});
        table.add(new String[] {"longer name", "12345"});
        table.finish();

        assertEquals(String.join("\n",
                " name        | count",
                "-------------+-------",
                " a           |     1",
                " longer name | 12345",
                "(2 rows)", ""), text.toString());
    }

    @Test
    void showsNullAsNull() {
        TextTable table = new TextTable(NAME_AND_COUNT, out);
        table.add(new String[] {null, null});
        table.finish();

        assertEquals(" name | count\n------+-------\n NULL |  NULL\n(1 row)\n", text.toString());
    }

    @Test
    void printsHeaderAndFooterForNoRows() {
        new TextTable(NAME_AND_COUNT, out).finish();

        assertEquals(" name | count\n------+-------\n(0 rows)\n", text.toString());
    }

    @Test
    void cutsLongValuesWithAnEllipsis() {
        TextTable table = new TextTable(List.of(new TextTable.Column("v", false)), out, 8, 100);
        table.add(new String[] {"abcdefghijklmnop"});
        table.add(new String[] {"12345678"});
        table.finish();

        assertEquals(" v\n----------\n abcdefg…\n 12345678\n(2 rows)\n", text.toString());
    }

    @Test
    void measuresWideCharactersAsTwoCells() {
        TextTable table = new TextTable(List.of(new TextTable.Column("city", false), new TextTable.Column("n", true)),
                out);
        table.add(new String[] {"東京", "1"});
        table.add(new String[] {"Zürich", "2"});
        table.add(new String[] {"e\u0301te\u0301", "3"}); // combining accents take no cell
        table.finish();

        assertEquals(String.join("\n",
                " city   | n",
                "--------+---",
                " 東京   | 1",
                " Zürich | 2",
                " e\u0301te\u0301    | 3",
                "(3 rows)", ""), text.toString());
    }

    @Test
    void neverSplitsAWideCharacterOrSurrogatePairWhenCutting() {
        TextTable table = new TextTable(List.of(new TextTable.Column("v", false)), out, 4, 10);
        table.add(new String[] {"東京都庁"});
        table.add(new String[] {"😀😀😀😀"});
        table.finish();

        assertEquals(" v\n-----\n 東…\n 😀…\n(2 rows)\n", text.toString());
    }

    @Test
    void keepsEachValueOnOneLine() {
        TextTable table = new TextTable(List.of(new TextTable.Column("v", false)), out);
        table.add(new String[] {"two\nlines\tand\u0007bell"});
        table.finish();

        assertEquals(" v\n----------------------\n two\\nlines\\tand?bell\n(1 row)\n", text.toString());
    }

    @Test
    void streamsRowsAfterTheAlignmentWindowWithTheWidthsItMeasured() {
        TextTable table = new TextTable(NAME_AND_COUNT, out, 60, 2);
        table.add(new String[] {"a", "1"});
        table.add(new String[] {"bb", "22"});
        assertEquals(" name | count\n------+-------\n a    |     1\n bb   |    22\n", text.toString(),
                "printed once the window is full, before the result ends");
        table.add(new String[] {"a much longer name", "3"});
        table.finish();

        assertEquals(" name | count\n------+-------\n a    |     1\n bb   |    22\n"
                + " a much longer name |     3\n(3 rows)\n", text.toString());
    }

    @Test
    void stopsWhenTheOutputIsClosed() {
        PrintWriter broken = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void flush() throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void close() {
            }
        });
        TextTable table = new TextTable(NAME_AND_COUNT, broken, 60, 1);
        assertThrows(OutputClosedException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                table.add(new String[] {"row", Integer.toString(i)});
            }
        });
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        TextTable table = new TextTable(NAME_AND_COUNT, out);
        assertThrows(IllegalArgumentException.class, () -> table.add(new String[] {"only one"}));
    }
}
