package io.polaroid.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A JSON array with one object per row, one row per line, keyed by column label. Integers, decimals and
 * finite floating-point values are JSON numbers, booleans JSON booleans, NULL is {@code null}; everything
 * else (timestamps, dates, binary, NaN and infinities, which JSON cannot hold as numbers) is the string
 * {@link ValueText} shows.
 */
public final class JsonFormat implements ResultFormat {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        long count = 0;
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(new RowPerLinePrinter());
            json.writeStartArray();
            while (rows.next()) {
                json.writeStartObject();
                for (ResultColumn column : columns) {
                    json.writeFieldName(column.label());
                    writeValue(json, rows, column);
                }
                json.writeEndObject();
                RowLoop.checkOutput(out, ++count);
            }
            json.writeEndArray();
        } catch (IOException e) {
            // a PrintWriter never throws; this is for the generator's own contract
            throw new UncheckedIOException(e);
        }
        out.println();
        RowLoop.finish(out);
        return count;
    }

    private static void writeValue(JsonGenerator json, ResultSet rows, ResultColumn column)
            throws SQLException, IOException {
        int index = column.index();
        switch (column.kind()) {
            case INTEGER: {
                long value = rows.getLong(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
                return;
            }
            case DECIMAL: {
                BigDecimal value = rows.getBigDecimal(index);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
                return;
            }
            case DOUBLE:
            case REAL: {
                double value = column.kind() == ValueKind.REAL ? rows.getFloat(index) : rows.getDouble(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else if (Double.isFinite(value)) {
                    // the shortest text of the value as declared: a REAL 0.1f must stay 0.1, not 0.10000000149
                    json.writeNumber(column.kind() == ValueKind.REAL
                            ? ValueText.formatReal((float) value) : ValueText.formatDouble(value));
                } else {
                    json.writeString(Double.toString(value));
                }
                return;
            }
            case BOOLEAN: {
                boolean value = rows.getBoolean(index);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
                return;
            }
            default: {
                String value = ValueText.read(rows, index, column.kind());
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
        }
    }
}
