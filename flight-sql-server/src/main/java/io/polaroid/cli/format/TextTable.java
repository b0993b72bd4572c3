package io.polaroid.cli.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An aligned text table in the style of {@code psql}:
 *
 * <pre>
 *  symbol | trades |     vwap
 * --------+--------+----------
 *  AAPL   |   1250 | 187.2345
 *  MSFT   |   NULL |    402.1
 * (2 rows)
 * </pre>
 *
 * Numbers are right-aligned, NULL is shown as {@code NULL}, values are kept on one line and cut to
 * {@code maxColumnWidth} cells. Widths are measured on the first {@code alignmentRows} rows, which are held
 * until then; later rows are printed as they come, so a result of any size streams in bounded memory (a
 * later value wider than its column overflows it rather than being cut further).
 */
public final class TextTable {
    public static final String NULL_TEXT = "NULL";
    public static final int DEFAULT_MAX_COLUMN_WIDTH = 60;
    public static final int DEFAULT_ALIGNMENT_ROWS = 1000;

    /** A column's heading and alignment. */
    public record Column(String label, boolean alignRight) {
        public Column {
            Objects.requireNonNull(label, "label");
        }
    }

    private final List<Column> columns;
    private final PrintWriter out;
    private final int maxColumnWidth;
    private final int alignmentRows;
    private final List<String[]> pending = new ArrayList<>();
    private int[] widths;
    private long rows;

    public TextTable(List<Column> columns, PrintWriter out) {
        this(columns, out, DEFAULT_MAX_COLUMN_WIDTH, DEFAULT_ALIGNMENT_ROWS);
    }

    public TextTable(List<Column> columns, PrintWriter out, int maxColumnWidth, int alignmentRows) {
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        this.out = Objects.requireNonNull(out, "out");
        if (maxColumnWidth < 4) {
            throw new IllegalArgumentException("maxColumnWidth must be at least 4: " + maxColumnWidth);
        }
        if (alignmentRows < 1) {
            throw new IllegalArgumentException("alignmentRows must be positive: " + alignmentRows);
        }
        this.maxColumnWidth = maxColumnWidth;
        this.alignmentRows = alignmentRows;
    }

    /**
     * Adds a row: one value per column, null for SQL NULL.
     *
     * @throws OutputClosedException when the output stopped accepting text
     */
    public void add(String[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size()
                    + " columns");
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? NULL_TEXT : DisplayText.truncate(DisplayText.singleLine(values[i]),
                    maxColumnWidth);
        }
        rows++;
        if (widths == null) {
            pending.add(cells);
            if (pending.size() == alignmentRows) {
                printPending();
            }
        } else {
            printRow(cells);
            RowLoop.checkOutput(out, rows);
        }
    }

    /** Prints what is still held, then the {@code (N rows)} footer, and flushes. */
    public void finish() {
        if (widths == null) {
            printPending();
        }
        out.println(rows == 1 ? "(1 row)" : "(" + rows + " rows)");
        RowLoop.finish(out);
    }

    public long rowCount() {
        return rows;
    }

    private void printPending() {
        widths = new int[columns.size()];
        String[] headings = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            headings[i] = DisplayText.truncate(DisplayText.singleLine(columns.get(i).label()), maxColumnWidth);
            widths[i] = DisplayText.width(headings[i]);
        }
        for (String[] row : pending) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], DisplayText.width(row[i]));
            }
        }
        printRow(headings);
        printSeparator();
        for (String[] row : pending) {
            printRow(row);
        }
        pending.clear();
    }

    private void printSeparator() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                line.append('+');
            }
            line.append("-".repeat(widths[i] + 2));
        }
        out.println(line);
    }

    private void printRow(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? " " : " | ");
            boolean last = i == cells.length - 1;
            boolean alignRight = columns.get(i).alignRight();
            if (last && !alignRight) {
                line.append(cells[i]); // no trailing spaces
            } else {
                DisplayText.pad(line, cells[i], widths[i], alignRight);
            }
        }
        out.println(line);
    }
}
