package io.polaroid.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * RFC 4180 CSV with a header line: a field holding a comma, quote or line break is quoted (quotes doubled).
 * NULL is an empty field and the empty string a quoted empty field {@code ""}, as PostgreSQL's CSV does, so
 * the two stay apart. Lines end with {@code \n}.
 */
public final class CsvFormat implements ResultFormat {
    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, columns.get(i).label());
        }
        out.append(line).append('\n');
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                ResultColumn column = columns.get(i);
                String value = ValueText.read(rows, column.index(), column.kind());
                if (value != null) {
                    appendField(line, value);
                }
            }
            out.append(line).append('\n');
            RowLoop.checkOutput(out, ++count);
        }
        RowLoop.finish(out);
        return count;
    }

    static void appendField(StringBuilder line, String value) {
        if (!value.isEmpty() && !needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
