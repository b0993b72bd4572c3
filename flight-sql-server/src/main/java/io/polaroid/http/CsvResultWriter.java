package io.polaroid.http;

import io.polaroid.columnar.Batch;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * RFC 4180 CSV: a header row of column names, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break. NULL is an empty field and the empty string {@code ""}, so the two stay apart
 * (DuckDB and PostgreSQL's COPY read it that way).
 */
final class CsvResultWriter implements ResultWriter {
    private final Writer out;

    CsvResultWriter(Schema schema, OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 14);
        List<Field> fields = schema.getFields();
        for (int c = 0; c < fields.size(); c++) {
            if (c > 0) {
                out.write(',');
            }
            writeText(fields.get(c).getName());
        }
        out.write("\r\n");
    }

    @Override
    public void write(Batch batch) throws IOException {
        ColumnValues[] columns = batch.columns().stream().map(ColumnValues::of).toArray(ColumnValues[]::new);
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    out.write(',');
                }
                ColumnValues column = columns[c];
                if (column.isNull(row)) {
                    continue;
                }
                if (column.mayNeedQuotes()) {
                    writeText(column.text(row));
                } else {
                    out.write(column.text(row));
                }
            }
            out.write("\r\n");
        }
    }

    private void writeText(String text) throws IOException {
        if (!text.isEmpty() && !needsQuotes(text)) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        // the buffered writer holds only characters; closing it would close the response
    }
}
