package io.polaroid.server.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A real Flight server on 127.0.0.1 (free port) whose only action, {@code whoami}, answers with the peer
 * identity the authentication established: enough to test authentication and TLS over the wire without
 * the whole Polaroid producer.
 */
final class TestFlightServer implements AutoCloseable {
    static final String WHOAMI = "whoami";

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightServer server;

    TestFlightServer(Consumer<FlightServer.Builder> customizer, boolean tls) throws Exception {
        Location location = tls ? Location.forGrpcTls("127.0.0.1", 0) : Location.forGrpcInsecure("127.0.0.1", 0);
        FlightServer.Builder builder = FlightServer.builder(allocator, location, new NoOpFlightProducer() {
            @Override
            public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
                listener.onNext(new Result(context.peerIdentity().getBytes(StandardCharsets.UTF_8)));
                listener.onCompleted();
            }
        });
        customizer.accept(builder);
        FlightServer built = builder.build();
        try {
            built.start();
        } catch (Exception e) {
            built.close();
            allocator.close();
            throw e;
        }
        this.server = built;
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        allocator.close();
    }
}
