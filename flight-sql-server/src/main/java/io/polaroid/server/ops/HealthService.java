package io.polaroid.server.ops;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;

/**
 * The standard gRPC health service ({@code grpc.health.v1.Health}) next to the Flight service, for load
 * balancers, Kubernetes probes and the Docker health check. It reports {@code NOT_SERVING} until the
 * server has started, {@code SERVING} while it runs, and {@code NOT_SERVING} once shutdown begins, so a
 * balancer stops sending new clients before running queries are drained.
 *
 * <p>Installed through Flight's {@code grpc.builderConsumer} transport hint, the hook arrow-java offers into
 * its Netty server builder. Health calls are not Flight calls, so Flight's authentication middleware does
 * not apply to them: a probe needs no credentials (and learns nothing but the status).
 */
public final class HealthService {
    /** The service name a probe may ask about besides the whole server (""). */
    public static final String FLIGHT_SERVICE = "arrow.flight.protocol.FlightService";
    /** The transport hint arrow-java's {@code FlightServer.Builder} passes the Netty builder to. */
    static final String BUILDER_CONSUMER_HINT = "grpc.builderConsumer";

    private final HealthStatusManager manager = new HealthStatusManager();

    public HealthService() {
        setAll(ServingStatus.NOT_SERVING);
    }

    /** Adds the health service to the gRPC server that a Flight builder will build. */
    public Consumer<FlightServer.Builder> flightCustomizer() {
        Consumer<NettyServerBuilder> addService = netty -> netty.addService(manager.getHealthService());
        return builder -> builder.transportHint(BUILDER_CONSUMER_HINT, addService);
    }

    public void serving() {
        setAll(ServingStatus.SERVING);
    }

    /** Shutdown has begun: NOT_SERVING from now on, whatever is set later. */
    public void stopping() {
        manager.enterTerminalState();
    }

    private void setAll(ServingStatus status) {
        manager.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        manager.setStatus(FLIGHT_SERVICE, status);
    }
}
