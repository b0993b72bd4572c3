package io.polaroid.cli.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Lays out a JSON array of row objects with {@code [} and {@code ]} on lines of their own and each row
 * compact on one line: readable, and a reader can split the stream on lines. Used by the command line's
 * JSON output and the HTTP API's.
 */
public final class RowPerLinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeStartArray(JsonGenerator json) throws IOException {
        json.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator json) throws IOException {
        json.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
        json.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator json, int values) throws IOException {
        json.writeRaw(values > 0 ? "\n]" : "]");
    }
}
