package io.polaroid.jdbc.remote;

import java.util.function.Consumer;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reading the small results of metadata calls (schemas, tables, server information) batch by batch. */
final class SmallResults {
    private SmallResults() {
    }

    /** Passes every batch of every endpoint of {@code info} to {@code reader}, in order. */
    static void forEachBatch(ServerLink link, FlightInfo info, Consumer<VectorSchemaRoot> reader) {
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            FlightStream stream = link.stream(endpoint);
            try {
                while (stream.next()) {
                    reader.accept(stream.getRoot());
                }
            } finally {
                try {
                    stream.close();
                } catch (FlightRuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("closing a metadata stream of " + link.address() + " failed", e);
                }
            }
        }
    }

    /** The text in column {@code name} of row {@code row}; null if NULL or if the column does not exist. */
    static String text(VectorSchemaRoot root, String name, int row) {
        if (!(root.getVector(name) instanceof VarCharVector vector) || vector.isNull(row)) {
            return null;
        }
        return new String(vector.get(row), java.nio.charset.StandardCharsets.UTF_8);
    }
}
