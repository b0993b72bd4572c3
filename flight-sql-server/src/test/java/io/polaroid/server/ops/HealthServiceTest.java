package io.polaroid.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.polaroid.server.security.AuthMode;
import io.polaroid.server.security.SecuritySettings;
import io.polaroid.server.security.ServerSecurity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The gRPC health service added through arrow-java 18.3's {@code grpc.builderConsumer} hint, probed with
 * grpc-java's own health client, on a server that requires authentication for Flight calls.
 */
class HealthServiceTest {
    private static ServingStatus check(ManagedChannel channel, String service) {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    @Test
    void reportsServingWhileRunningAndNotServingOnceStoppingWithoutCredentials() throws Exception {
        ServerSecurity security = ServerSecurity.create(new SecuritySettings(Set.of(AuthMode.TOKEN), Optional.empty(),
                Optional.empty(), Optional.of("T"), Optional.empty()), "127.0.0.1", Map.of("T", "0123456789abcdef-t")::get);
        try (BufferAllocator allocator = new RootAllocator();
             ServerOperations operations = new ServerOperations(OperationsSettings.defaults(), "127.0.0.1")) {
            FlightServer.Builder builder = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0),
                    new NoOpFlightProducer());
            security.flightCustomizer().andThen(operations.flightCustomizer()).accept(builder);
            try (FlightServer server = builder.build().start()) {
                ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
                try {
                    assertEquals(ServingStatus.NOT_SERVING, check(channel, ""));
                    operations.started(allocator);
                    assertEquals(ServingStatus.SERVING, check(channel, ""));
                    assertEquals(ServingStatus.SERVING, check(channel, HealthService.FLIGHT_SERVICE));
                    operations.stopping();
                    assertEquals(ServingStatus.NOT_SERVING, check(channel, ""));
                    operations.started(allocator);  // a late call cannot revive a stopping server
                    assertEquals(ServingStatus.NOT_SERVING, check(channel, ""));
                } finally {
                    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
