package io.polaroid.bench.remote;

import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The size of a result as the server streams it: the Arrow buffers of every batch (what the record-batch
 * messages carry, without framing), read once with arrow-java's FlightSqlClient. Streaming throughput in
 * MB/s divides this by a run's time, the same number for every driver.
 */
public final class ResultBytes {
    private ResultBytes() {
    }

    public static long of(ServerProcess server, String sql) throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             FlightSqlClient client = new FlightSqlClient(FlightClient.builder(allocator,
                     Location.forGrpcInsecure("127.0.0.1", server.port())).build())) {
            FlightInfo info = client.execute(sql);
            long bytes = 0;
            try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                while (stream.next()) {
                    VectorSchemaRoot root = stream.getRoot();
                    for (FieldVector vector : root.getFieldVectors()) {
                        bytes += vector.getBufferSize();
                    }
                }
            }
            return bytes;
        }
    }
}
