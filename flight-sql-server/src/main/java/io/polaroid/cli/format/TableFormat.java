package io.polaroid.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Prints a result as an aligned {@link TextTable} with a {@code (N rows)} footer. */
public final class TableFormat implements ResultFormat {
    private final int maxColumnWidth;
    private final int alignmentRows;

    public TableFormat() {
        this(TextTable.DEFAULT_MAX_COLUMN_WIDTH, TextTable.DEFAULT_ALIGNMENT_ROWS);
    }

    public TableFormat(int maxColumnWidth, int alignmentRows) {
        this.maxColumnWidth = maxColumnWidth;
        this.alignmentRows = alignmentRows;
    }

    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        TextTable table = new TextTable(columns.stream()
                .map(column -> new TextTable.Column(column.label(), column.kind().isNumeric()))
                .toList(), out, maxColumnWidth, alignmentRows);
        while (rows.next()) {
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                ResultColumn column = columns.get(i);
                values[i] = ValueText.read(rows, column.index(), column.kind());
            }
            table.add(values);
        }
        table.finish();
        return table.rowCount();
    }
}
