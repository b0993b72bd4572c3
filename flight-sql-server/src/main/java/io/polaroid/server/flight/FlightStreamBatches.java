package io.polaroid.server.flight;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import java.util.Objects;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The batches a client uploads ({@code DoPut}) as a {@link BatchSource}: each batch is the stream's root
 * after it loaded the next message, valid until the next call, as the batch contract allows. Empty
 * messages are skipped. A client that aborts its upload makes {@link #next()} throw. Closing does not
 * close the stream (Flight does once the call ends).
 */
final class FlightStreamBatches implements BatchSource {
    private final FlightStream stream;

    FlightStreamBatches(FlightStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    @Override
    public Schema schema() {
        return stream.getSchema();
    }

    @Override
    public Batch next() {
        while (stream.next()) {
            VectorSchemaRoot root = stream.getRoot();
            if (root.getRowCount() > 0) {
                return new Batch(root.getFieldVectors(), root.getRowCount());
            }
        }
        return null;
    }

    @Override
    public void close() {
    }
}
