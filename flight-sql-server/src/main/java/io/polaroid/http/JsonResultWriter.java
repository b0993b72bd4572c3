package io.polaroid.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polaroid.cli.format.RowPerLinePrinter;
import io.polaroid.columnar.Batch;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A JSON array of row objects keyed by column name, one row per line, written with Jackson's streaming
 * generator (column names are encoded once, values straight from the vectors: see {@link ColumnValues}).
 */
final class JsonResultWriter implements ResultWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator json;
    private final SerializableString[] names;

    JsonResultWriter(Schema schema, OutputStream out) throws IOException {
        this.json = JSON.createGenerator(out);
        this.names = schema.getFields().stream().map(field -> new SerializedString(field.getName()))
                .toArray(SerializableString[]::new);
        json.setPrettyPrinter(new RowPerLinePrinter());
        json.writeStartArray();
    }

    @Override
    public void write(Batch batch) throws IOException {
        ColumnValues[] columns = batch.columns().stream().map(ColumnValues::of).toArray(ColumnValues[]::new);
        for (int row = 0; row < batch.rowCount(); row++) {
            json.writeStartObject();
            for (int c = 0; c < columns.length; c++) {
                json.writeFieldName(names[c]);
                if (columns[c].isNull(row)) {
                    json.writeNull();
                } else {
                    columns[c].writeJson(json, row);
                }
            }
            json.writeEndObject();
        }
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }

    @Override
    public void close() {
        // nothing held: the generator's buffer is released with it; closing it would end the array
    }
}
